import Foundation
import XCTest
import HeadshotPro

/// Logs, hooks, response metadata, headers, app info, the escape hatch and
/// bulk invites.
final class OperabilityTests: MockTestCase {
    static let key = "hp_test_SUPERSECRET_operability_key"

    override func setUp() async throws {
        mock = try MockServer(options: MockServerOptions(apiKey: Self.key))
    }

    /// Every operation once, through `client`.
    private func everyOperation(_ client: Client) async throws {
        _ = try await client.organization().retrieve()
        _ = try await client.organization().credits()
        let org = try await client.teams().create(name: "Design")
        let teamId = try XCTUnwrap(org.teams.first?.id)
        _ = try await client.teams().update(teamId: teamId, name: "Design 2")
        _ = try await client.teams().list()
        _ = try mock.seed(members: 1)
        let members = try await client.members().list().items()
        let member = try XCTUnwrap(members.first)
        _ = try await client.teams().addMembers(teamId: teamId, emails: [member.email])
        let invite = try await client.invites().create(email: "ada@example.com", teamId: teamId)
        _ = try await client.invites().list()
        _ = try await client.invites().retrieve(inviteId: invite.id)
        _ = try await client.invites().retrieveByEmail(email: "ada@example.com")
        try await client.invites().revoke(email: "ada@example.com")
        for try await _ in client.members().listAll() {}
        let model = try await client.models().create(email: "grace@example.com", isDevelopment: true)
        _ = try await client.models().retrieve(modelId: model.modelId)
        _ = try await client.models().wait(modelId: model.modelId, until: .onboarding, timeoutMs: 20_000)
        _ = try await client.models().list()
        for try await _ in client.models().listAll() {}
        let seeded = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let photos = try await client.photos().list(modelId: seeded)
        for try await _ in client.photos().listAll(modelId: seeded) {}
        _ = try await client.photos().retrieve(modelId: seeded, photoId: try XCTUnwrap(photos.items().first?.id))
        _ = try await client.photos().favorite(modelId: seeded)
        _ = try await client.photos().downloadLinks(modelId: seeded)
        _ = try await client.photos().favorites()
        for try await _ in client.photos().favoritesAll() {}
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hp-operability-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await client.photos().save(modelId: seeded, directory: dir.path)
        _ = try await client.request(method: "GET", path: "/api/v2/organization/teams")
        _ = try await client.invites().createMany(emails: ["bulk1@example.com", "not-an-email"])
        _ = try await client.models().delete(modelId: model.modelId)
        _ = try await client.teams().delete(teamId: teamId)
    }

    func testDebugLogsOfEveryOperationNeverContainTheKey() async throws {
        let records = Collected<LogRecord>()
        let client = try mock.client(options: ClientOptions(logLevel: .debug, logger: ClosureLogHandler { records.add($0) }))
        try await everyOperation(client)
        _ = try mock.injectFault(method: "GET", path: "/api/v1/organization/credits", status: 503)
        _ = try await client.organization().credits()
        do {
            _ = try await client.models().retrieve(modelId: "missing")
            XCTFail("expected NotFoundError")
        } catch is HeadshotProError {}

        let all = records.all
        XCTAssertGreaterThan(all.count, 40)
        XCTAssertTrue(all.contains { $0.level == .debug && $0.message.contains("body") })
        XCTAssertTrue(all.contains { $0.level == .warn && $0.message.contains("retrying") })
        XCTAssertTrue(all.contains { $0.level == .error && $0.message.contains("models.retrieve") })
        for record in all {
            let text = record.message + record.fields.map { "\($0.name)=\($0.value)" }.joined()
            XCTAssertFalse(text.contains("SUPERSECRET"), text)
        }
    }

    func testAThrowingLoggerOrHookNeverFailsTheCall() async throws {
        struct Broken: Error {}
        let client = try mock.client(options: ClientOptions(
            logLevel: .debug, logger: ClosureLogHandler { _ in throw Broken() },
            onRequest: ClosureRequestHook { _ in throw Broken() },
            onResponse: ClosureResponseHook { _ in throw HeadshotProError.InvalidArgumentError(message: "hook broke") }))
        let credits = try await client.organization().credits()
        XCTAssertEqual(credits, 100)
        _ = try await client.teams().create(name: "Ops")

        let seen = Collected<LogRecord>()
        let watching = try mock.client(options: ClientOptions(
            logLevel: .warn, logger: ClosureLogHandler { seen.add($0) },
            onResponse: ClosureResponseHook { _ in throw Broken() }))
        _ = try await watching.organization().credits()
        XCTAssertTrue(seen.all.contains { $0.message.contains("on_response hook panicked") }, "\(seen.all)")
    }

    func testHooksSeeEveryAttempt() async throws {
        let requests = Collected<RequestEvent>(), responses = Collected<ResponseEvent>()
        let client = try mock.client(options: ClientOptions(
            onRequest: ClosureRequestHook { requests.add($0) }, onResponse: ClosureResponseHook { responses.add($0) }))
        _ = try mock.injectFault(method: "GET", path: "/api/v1/organization/credits", status: 503)
        _ = try await client.organization().credits()
        XCTAssertEqual(requests.all.map(\.attempt), [1, 2])
        XCTAssertEqual(requests.all.first?.operation, "organization.credits")
        XCTAssertEqual(responses.all.map(\.status), [503, 200])
        XCTAssertEqual(responses.all.map(\.willRetry), [true, false])
        XCTAssertEqual(responses.all.first?.error, "ServerError")
    }

    func testWithResponseGivesStatusHeadersAndRateLimit() async throws {
        _ = try mock.setOrganization(update: MockOrganizationUpdate(rateLimit: 300))
        let answer = try await mock.client().withResponse { try await $0.organization().credits() }
        XCTAssertEqual(answer.data, 100)
        XCTAssertEqual(answer.status, 200)
        XCTAssertEqual(answer.rateLimit.remaining, 299)
        XCTAssertEqual(answer.headers["x-ratelimit-remaining"], "299")
        do {
            _ = try await mock.client().withResponse { _ in 1 }
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
    }

    func testHeadersAndAppInfoAreSentAndRefusedLocally() async throws {
        let client = try mock.client(options: ClientOptions(
            defaultHeaders: ["X-Team": "growth"], appInfo: AppInfo(name: "Acme", version: "1.2", url: "https://acme.example")))
        XCTAssertTrue(client.userAgent().hasSuffix(" Acme/1.2 (https://acme.example)"), client.userAgent())
        _ = try await client.withOptions(options: RequestOptions(headers: ["x-team": "call"])).organization().credits()
        XCTAssertEqual(mock.requests().last?.headers["x-team"], "call")
        for bad in [["Authorization": "Bearer x"], ["X-A": "1\r\nX-Evil: 1"]] {
            XCTAssertThrowsError(try mock.client(options: ClientOptions(defaultHeaders: bad)))
            XCTAssertThrowsError(try client.withOptions(options: RequestOptions(headers: bad)))
        }
        XCTAssertThrowsError(try mock.client(options: ClientOptions(appInfo: AppInfo(name: " "))))
    }

    func testRequestCallsAnyEndpointWithJsonValues() async throws {
        let client = try mock.client()
        let credits = try await client.request(method: "GET", path: "/api/v1/organization/credits") as? [String: Any]
        XCTAssertEqual((credits?["credits"] as? NSNumber)?.intValue, 100)
        let created = try await client.request(method: "POST", path: "/api/v1/organization/teams",
                                               body: ["name": "Raw", "tags": [1, true, NSNull()]] as [String: Any])
        XCTAssertNotNil((created as? [String: Any])?["success"])
        for bad: Any in [Date(), Double.nan] {
            do {
                _ = try await client.request(method: "POST", path: "/api/v1/x", body: bad)
                XCTFail("expected InvalidArgumentError for \(bad)")
            } catch HeadshotProError.InvalidArgumentError {}
        }
        do {
            _ = try await client.request(method: "GET", path: "/a/../b")
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
        XCTAssertEqual(requestCount("/api/v1/x") + requestCount("/a/"), 0)
    }

    func testEveryTypeRoundTripsThroughJson() async throws {
        let client = try mock.client()
        let org = try await client.teams().create(name: "Design")
        try assertRoundTrip(org, Organization.fromJson)
        let team = try XCTUnwrap(org.teams.first)
        try assertRoundTrip(team, Team.fromJson)
        let invite = try await client.invites().create(email: "ada@example.com")
        try assertRoundTrip(invite, Invite.fromJson)
        let summaries = try await client.invites().list()
        let summary = try XCTUnwrap(summaries.first)
        try assertRoundTrip(summary, InviteSummary.fromJson)
        XCTAssertTrue(try summary.toJson().contains("\"createdAt\":\""))
        let details = try await client.invites().retrieve(inviteId: invite.id)
        try assertRoundTrip(details, InviteDetails.fromJson)
        let v2 = try await client.invites().retrieveByEmail(email: "ada@example.com")
        try assertRoundTrip(v2, InviteV2.fromJson)
        let model = try await client.models().create(email: "grace@example.com", isDevelopment: true)
        try assertRoundTrip(model, Model.fromJson)
        _ = try mock.seed(members: 1)
        let members = try await client.members().list().items()
        let member = try XCTUnwrap(members.first)
        try assertRoundTrip(member, Member.fromJson)
        let summariesOfModels = try await client.models().list().items()
        let modelSummary = try XCTUnwrap(summariesOfModels.first)
        try assertRoundTrip(modelSummary, ModelSummary.fromJson)
        let seeded = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let photos = try await client.photos().list(modelId: seeded)
        let photo = try XCTUnwrap(photos.items().first)
        try assertRoundTrip(photo, Photo.fromJson)
        XCTAssertTrue(try photos.toJson().contains("\"pagination\""))
        _ = try mock.likePhoto(photoId: photo.id, status: .loved)
        _ = try mock.chooseFavorite(modelId: seeded, photoId: photo.id)
        let favorites = try await client.photos().favorites().items()
        let favorite = try XCTUnwrap(favorites.first)
        try assertRoundTrip(favorite, FavoritePhoto.fromJson)
        let links = try await client.photos().downloadLinks(modelId: seeded)
        try assertRoundTrip(links, DownloadLinks.fromJson)
        let deleted = try await client.models().delete(modelId: model.modelId)
        try assertRoundTrip(deleted, DeletedModel.fromJson)
        let rate = RateLimitInfo(limit: 300, remaining: 299, resetAt: Date(timeIntervalSince1970: 1_700_000_000))
        try assertRoundTrip(rate, RateLimitInfo.fromJson)
        XCTAssertThrowsError(try Model.fromJson("{}"))
    }

    /// `value` read back from its JSON writes the same JSON. (Swift's `Date`
    /// is a `Double`, so a timestamp may move by a nanosecond on the way in.)
    private func assertRoundTrip<T: Equatable>(_ value: T, _ fromJson: (String) throws -> T,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try (value as? JsonWritable)?.json() ?? ""
        let back = try fromJson(text)
        XCTAssertEqual(try (back as? JsonWritable)?.json(), text, file: file, line: line)
        XCTAssertFalse(text.isEmpty, file: file, line: line)
    }

    func testCreateManyReportsEveryInputInOrder() async throws {
        let progress = Collected<BulkProgress>()
        let results = try await mock.client().invites().createMany(
            emails: ["a@example.com", "bad", "a@example.com", "b@example.com"], concurrency: 2) { progress.add($0) }
        XCTAssertEqual(results.map(\.email), ["a@example.com", "bad", "a@example.com", "b@example.com"])
        XCTAssertEqual(results.map(\.outcome), [.created, .invalid, .created, .created])
        XCTAssertEqual(results[0].invite?.id, results[2].invite?.id)
        XCTAssertEqual(progress.all.count, 4)
        XCTAssertEqual(requestCount("/api/v1/organization/invite", method: "POST"), 2)
        do {
            _ = try await mock.client().invites().createMany(emails: ["a@example.com"], concurrency: 0)
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
    }
}

/// Values collected from whichever thread reports them.
final class Collected<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T] = []

    func add(_ value: T) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [T] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// The types whose JSON the round-trip test checks.
protocol JsonWritable { func json() throws -> String }
extension Organization: JsonWritable { func json() throws -> String { try toJson() } }
extension Team: JsonWritable { func json() throws -> String { try toJson() } }
extension Invite: JsonWritable { func json() throws -> String { try toJson() } }
extension InviteSummary: JsonWritable { func json() throws -> String { try toJson() } }
extension InviteDetails: JsonWritable { func json() throws -> String { try toJson() } }
extension InviteV2: JsonWritable { func json() throws -> String { try toJson() } }
extension Model: JsonWritable { func json() throws -> String { try toJson() } }
extension DeletedModel: JsonWritable { func json() throws -> String { try toJson() } }
extension Member: JsonWritable { func json() throws -> String { try toJson() } }
extension ModelSummary: JsonWritable { func json() throws -> String { try toJson() } }
extension Photo: JsonWritable { func json() throws -> String { try toJson() } }
extension FavoritePhoto: JsonWritable { func json() throws -> String { try toJson() } }
extension DownloadLinks: JsonWritable { func json() throws -> String { try toJson() } }
extension RateLimitInfo: JsonWritable { func json() throws -> String { try toJson() } }
