import Testing
@testable import Shell

@Suite struct BlockEditingTests {
    @Test func indentsAfterAColonAndKeepsTheLevel() {
        #expect(BlockEditing.indentation(after: ["for x in y:"]) == "    ")
        #expect(BlockEditing.indentation(after: ["def f(a):", "    if a:  # a comment"]) == "        ")
        #expect(BlockEditing.indentation(after: ["def f(a):", "    b = a"]) == "    ")
        #expect(BlockEditing.indentation(after: ["x = [1,"]) == "")
        #expect(BlockEditing.indentation(after: ["s = '#:'"]) == "")
        #expect(BlockEditing.indentation(after: ["if a:", "    b = 1", "   "]) == "    ")
    }

    @Test func dedentsAfterAStatementThatEndsItsBlock() {
        for ender in ["return x", "pass", "break", "continue", "raise ValueError()", "return"] {
            #expect(BlockEditing.indentation(after: ["def f():", "    while 1:", "        " + ender]) == "    ", "\(ender)")
        }
        #expect(BlockEditing.indentation(after: ["def f():", "    return_value = 1"]) == "    ")
        #expect(BlockEditing.indentation(after: ["pass"]) == "")
    }

    @Test func noIndentInsideATripleQuotedString() {
        #expect(BlockEditing.indentation(after: ["def f():", "    \"\"\"Usage:"]) == "")
        #expect(BlockEditing.indentation(after: ["def f():", "    \"\"\"Doc.\"\"\"", "    if x:"]) == "        ")
    }

    @Test func tabIndentsOnlyAtTheStartOfALine() {
        #expect(BlockEditing.indentForTab(lineSoFar: Array("".utf8)) == "    ")
        #expect(BlockEditing.indentForTab(lineSoFar: Array("    ".utf8)) == "    ")
        #expect(BlockEditing.indentForTab(lineSoFar: Array("  ".utf8)) == "  ")
        #expect(BlockEditing.indentForTab(lineSoFar: Array("    pri".utf8)) == nil)
    }

    @Test func pastesLoseCarriageReturnsAndTrailingBlankLines() {
        #expect(BlockEditing.cleanPaste(Array("def f():\r    x = 1\r\r    return x\r\n\r\n".unicodeScalars)) == "def f():\n    x = 1\n\n    return x")
        #expect(BlockEditing.cleanPaste(Array("héllo\n".unicodeScalars)) == "héllo")
        #expect(BlockEditing.pasteReplacesIndentation("a\nb"))
        #expect(BlockEditing.pasteReplacesIndentation("    return 1"))
        #expect(!BlockEditing.pasteReplacesIndentation("value"))
    }

    @Test func historyKeepsABlockWithoutItsClosingBlankLine() {
        #expect(MFShell.historyEntry("for i in x:\n    print(i)\n        ") == "for i in x:\n    print(i)")
        #expect(MFShell.historyEntry("def f():\n    a = 1\n\n    return a\n") == "def f():\n    a = 1\n\n    return a")
    }
}
