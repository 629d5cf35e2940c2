import Foundation
import XCTest
import HeadshotPro

/// `photos().save`: files, progress, the report, and what never happens.
final class SaveTests: MockTestCase {
    private var directory: URL!

    override func setUp() async throws {
        try await super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hp-save-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
        try await super.tearDown()
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testSavesEveryPhotoAndReportsEachOne() async throws {
        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let events = Events()
        let report = try await client().photos().save(modelId: modelId, directory: directory.path) { events.add($0) }
        XCTAssertTrue(report.isComplete())
        XCTAssertEqual(report.saved.count, 8)
        XCTAssertEqual(try files(), report.saved.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted())
        XCTAssertTrue(try files().allSatisfy { $0.hasSuffix(".png") && !$0.hasPrefix(".") })
        XCTAssertEqual(report.totalBytes(), report.saved.map(\.bytes).reduce(0, +))
        XCTAssertEqual(events.all.map(\.completed), Array(1...8))
        XCTAssertTrue(events.all.allSatisfy { $0.total == 8 && $0.saved })
        let cdn = mock.requests().filter { $0.path.hasPrefix("/cdn/") }
        XCTAssertEqual(cdn.count, 8)
        XCTAssertTrue(cdn.allSatisfy { $0.headers["authorization"] == nil }, "the API key went to the CDN")
    }

    func testExistingFilesAreKeptUnlessOverwriteIsAsked() async throws {
        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let client = try self.client()
        _ = try await client.photos().save(modelId: modelId, directory: directory.path)
        let again = try await client.photos().save(modelId: modelId, directory: directory.path)
        XCTAssertEqual(again.failed.count, 8)
        for failed in again.failed {
            guard case .InvalidArgumentError(let message) = failed.error else { return XCTFail("\(failed.error)") }
            XCTAssertTrue(message.contains("already exists"), message)
        }
        let replaced = try await client.photos().save(modelId: modelId, directory: directory.path, options: SaveOptions(overwrite: true))
        XCTAssertEqual(replaced.saved.count, 8)
    }

    func testExpiredUrlsFailPhotoByPhotoAndLeaveNoFile() async throws {
        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        _ = try mock.setOrganization(update: MockOrganizationUpdate(photoUrlTtlMs: 0))
        let report = try await client().photos().save(modelId: modelId, directory: directory.path)
        XCTAssertEqual(report.failed.count, 8)
        for failed in report.failed {
            guard case .PermissionDeniedError(let details) = failed.error else { return XCTFail("\(failed.error)") }
            XCTAssertEqual(details.status, 403)
        }
        XCTAssertEqual(try files(), [])
    }

    func testAListenerThatThrowsNeverStopsTheDownload() async throws {
        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let listener = Throwing()
        let report = try await client().photos().save(modelId: modelId, directory: directory.path, progress: listener)
        XCTAssertEqual(listener.calls, 8)
        XCTAssertEqual(report.saved.count, 8)
    }

    func testBadOptionsAndAnUnwritableDirectoryFailBeforeAnyRequest() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hp-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try await client().photos().save(modelId: "m1", directory: file.appendingPathComponent("photos").path)
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
        do {
            _ = try await client().photos().save(modelId: "m1", directory: directory.path, options: SaveOptions(concurrency: 0))
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
        XCTAssertEqual(requestCount("/api/"), 0)
    }
}

/// Progress events, collected from whichever thread reports them.
private final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [SaveProgress] = []

    func add(_ event: SaveProgress) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var all: [SaveProgress] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }
}

/// A listener that throws at every photo.
private final class Throwing: SaveProgressListener, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var calls: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func onProgress(progress: SaveProgress) throws {
        lock.lock()
        count += 1
        let odd = count % 2 == 1
        lock.unlock()
        if odd { throw HeadshotProError.InvalidArgumentError(message: "a listener's own error") }
        throw CocoaError(.featureUnsupported)
    }
}
