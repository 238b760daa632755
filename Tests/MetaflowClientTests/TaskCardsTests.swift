import Glibc
import Testing
@testable import MetaflowClient

/// The pieces of card listing that the compat scripts cannot reach: odd file names, the text as
/// Python's `open(path, "r")` reads it, folder listings (local and an S3 ListObjectsV2 page).
@Suite struct TaskCardsTests {
    @Test func cardFileNames() throws {
        let plain = try TaskCards.parse(name: "default-3e2bd87e.html", folder: "F/runs/1/steps/s/tasks/2/cards")
        #expect(plain == CardFile(type: "default", id: nil, hash: "3e2bd87e", path: "F/runs/1/steps/s/tasks/2/cards/default-3e2bd87e.html"))
        let withId = try TaskCards.parse(name: "blank-summary-b380ec89.html", folder: "c")
        #expect(withId.type == "blank" && withId.id == "summary" && withId.hash == "b380ec89")
        // Python keeps what comes before the first ".html", and any name of two or three parts.
        #expect(try TaskCards.parse(name: "t-h.html.html", folder: "c").hash == "h")
        #expect(try TaskCards.parse(name: "t-h", folder: "c").hash == "h")
        for bad in ["default.html", "a-b-c-d.html", "no_dash"] {
            #expect(throws: MetaflowError.self) { try TaskCards.parse(name: bad, folder: "c") }
        }
        do {
            _ = try TaskCards.parse(name: "a-b-c-d.html", folder: "c")
        } catch let e as MetaflowError {
            #expect(e.type == "Exception")
            #expect(e.message == "Invalid file name a-b-c-d.html. Card/Data file names should be of form TYPE-HASH.html or TYPE-ID-HASH.html")
        }
    }

    @Test func filters() {
        #expect(CardFilter.any.admits(nil) && CardFilter.any.admits("x"))
        #expect(CardFilter.name("blank").admits("blank") && !CardFilter.name("blank").admits("default"))
        #expect(!CardFilter.name("summary").admits(nil))
        #expect(!CardFilter.unmatchable(text: "1").admits("1"))
        #expect(CardFilter.unmatchable(text: "1").text == "1" && CardFilter.any.text == nil)
    }

    @Test func universalNewlines() {
        #expect(TaskCards.universalNewlines(Array("a\r\nb\rc\n\r".utf8)) == "a\nb\nc\n\n")
        #expect(TaskCards.universalNewlines(Array("<p>ü</p>\n".utf8)) == "<p>ü</p>\n")
    }

    @Test func localFolderListing() throws {
        var template = Array("/tmp/mfsh-cards-test-XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw FileError.notFound("mkdtemp") }
        let root = String(cString: p)
        let folder = root + "/mf.cards/F/cards"
        defer {
            for n in ["a-1.html", "b-x-2.html"] { unlink(folder + "/" + n) }
            for d in [folder + "/_meta", folder + "/sub", folder, root + "/mf.cards/F", root + "/mf.cards", root] { rmdir(d) }
        }
        for d in [root + "/mf.cards", root + "/mf.cards/F", folder, folder + "/_meta", folder + "/sub"] { mkdir(d, 0o755) }
        try FileSystem.writeAtomically(folder + "/a-1.html", Array("one".utf8))
        try FileSystem.writeAtomically(folder + "/b-x-2.html", Array("two".utf8))
        let store = LocalDataStore(root: root)
        let entries = try store.listFolder(recordedRoot: nil, path: ["mf.cards", "F", "cards"])
        // readdir order, as os.listdir: compared as a set; `_meta` is skipped as list_content skips it.
        #expect(Set(entries.map(\.name)) == ["a-1.html", "b-x-2.html", "sub"])
        #expect(entries.first { $0.name == "sub" }?.isFile == false)
        #expect(entries.first { $0.name == "a-1.html" }?.isFile == true)
        #expect(try store.listFolder(recordedRoot: nil, path: ["mf.cards", "nosuch"]).isEmpty)
        // The recorded root is tried after the discovered one.
        let moved = LocalDataStore(root: "/nonexistent-mfsh-root")
        #expect(try moved.listFolder(recordedRoot: root, path: ["mf.cards", "F", "cards"]).count == 3)
    }

    @Test func s3ListingPages() {
        let page = S3ListPage(Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>\
            <Prefix>root/F/cards/</Prefix><KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter>\
            <IsTruncated>true</IsTruncated><NextContinuationToken>tok+/=</NextContinuationToken>\
            <Contents><Key>root/F/cards/blank-a&amp;b-1.html</Key><Size>3</Size></Contents>\
            <Contents><Key>root/F/cards/default-2.html</Key><Size>3</Size></Contents>\
            <CommonPrefixes><Prefix>root/F/cards/sub/</Prefix></CommonPrefixes></ListBucketResult>
            """.utf8), prefix: "root/F/cards/")
        #expect(page.files == ["blank-a&b-1.html", "default-2.html"])
        #expect(page.folders == ["sub"])
        #expect(page.truncated && page.continuationToken == "tok+/=")
        let last = S3ListPage(Array("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>".utf8), prefix: "p/")
        #expect(last.files.isEmpty && last.folders.isEmpty && !last.truncated && last.continuationToken == nil)
    }
}
