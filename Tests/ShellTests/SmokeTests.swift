import Testing
@testable import Shell

@Test func moduleLinks() { #expect(Bool(true)) }
