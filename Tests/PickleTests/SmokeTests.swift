import Testing
@testable import Pickle

@Test func moduleLinks() { #expect(Bool(true)) }
