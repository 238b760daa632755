import Testing
@testable import MetaflowClient

/// The metadata service provider's pure pieces: URLs as Python builds them, version gates, which
/// paths the disk cache may keep.
@Suite struct ServicePieceTests {
    @Test func objectPathsAsPythonBuildsThem() {
        #expect(ServiceMetadataProvider.objectPath(["F"]) == "/flows/F")
        #expect(ServiceMetadataProvider.objectPath(["F", "12", "train", "5"]) == "/flows/F/runs/12/steps/train/tasks/5")
        // An empty id stays an empty segment (Python: `'' in flow` asks /flows/F/runs/).
        #expect(ServiceMetadataProvider.objectPath(["F", ""]) == "/flows/F/runs/")
        #expect(ServiceMetadataProvider.objectPath([""]) == nil)
        // Anything but unreserved characters is %-encoded: no path or query can be smuggled in.
        #expect(ServiceMetadataProvider.objectPath(["F", "../x?y=1#z", "a b"]) == "/flows/F/runs/..%2Fx%3Fy%3D1%23z/steps/a%20b")
        #expect(ServiceMetadataProvider.percentEncoded("é") == "%C3%A9")
    }

    @Test func versionGates() {
        #expect(ServiceMetadataProvider.version("2.5.1", atLeast: [2, 3, 0]))
        #expect(ServiceMetadataProvider.version("2.3.0", atLeast: [2, 3, 0]))
        #expect(!ServiceMetadataProvider.version("2.2.9", atLeast: [2, 3, 0]))
        #expect(ServiceMetadataProvider.version("10.0", atLeast: [2, 0, 6]))
        #expect(!ServiceMetadataProvider.version("2.0.5rc1", atLeast: [2, 0, 6]))
    }

    @Test func onlyAnswersBelowARunAreKept() {
        #expect(ServiceDiskCache.run(of: "/flows/F/runs/3/steps") != nil)
        #expect(ServiceDiskCache.run(of: "/flows/F/runs/3/steps/s/tasks/9/metadata")! == ("F", "3"))
        #expect(ServiceDiskCache.run(of: "/flows/F/runs/3") == nil)          // the run's record: tags, heartbeat
        #expect(ServiceDiskCache.run(of: "/flows/F/runs") == nil)            // new runs appear
        #expect(ServiceDiskCache.run(of: "/flows/F/runs/3/tag/mutate") == nil)
        #expect(ServiceDiskCache.run(of: "/flows/F/runs//steps") == nil)
        #expect(ServiceDiskCache.hash("a") != ServiceDiskCache.hash("b") && ServiceDiskCache.hash("a").count == 16)
    }
}
