import Testing
@testable import MFSInterpreter

@Test func moduleLinks() { #expect(Bool(true)) }
