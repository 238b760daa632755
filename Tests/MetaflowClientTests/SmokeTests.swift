import Testing
@testable import MetaflowClient

@Test func moduleLinks() { #expect(Bool(true)) }
