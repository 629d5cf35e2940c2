import Foundation
import XCTest
import HeadshotPro

/// The current API (V2): teams, members, invites by email, model lists,
/// photos, and the AsyncSequence walks.
final class CurrentApiTests: MockTestCase {
    func testTeamsAndMembersPageByPage() async throws {
        let client = try self.client()
        _ = try await client.teams().create(name: "Design")
        let teams = try await client.teams().list()
        XCTAssertEqual(teams.map(\.name), ["Design"])

        _ = try mock.seed(members: 3)
        let invite = try await client.invites().create(email: "pending@example.com")
        let page = try await client.members().list(params: MemberListParams(limit: 2))
        XCTAssertEqual(page.total(), 4)
        XCTAssertTrue(page.hasMore())
        XCTAssertEqual(page.items().map(\.status), [.accepted, .accepted])
        let next = try await page.nextPage()
        XCTAssertEqual(next?.offset(), 2)
        XCTAssertEqual(next?.items().last?.email, "pending@example.com")
        let end = try await next?.nextPage()
        XCTAssertNil(end)
        let pending = try await client.members().list(params: MemberListParams(status: .pending)).items()
        XCTAssertEqual(pending.map(\.id), [invite.id])

        let found = try await client.invites().retrieveByEmail(email: "PENDING@example.com")
        XCTAssertEqual(found.id, invite.id)
        XCTAssertEqual(found.status, .pending)
    }

    func testModelsWithVersionAndPhotos() async throws {
        let client = try self.client()
        let model = try await client.models().create(email: "ada@example.com", isDevelopment: true, version: .oneShot)
        let listed = try await client.models().list(params: ModelListParams(status: .onboarding)).items()
        XCTAssertEqual(listed.map(\.id), [model.modelId])
        XCTAssertEqual(listed.first?.version, .oneShot)

        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let photos = try await client.photos().list(modelId: modelId, params: PhotoListParams(include: .all)).items()
        XCTAssertEqual(photos.count, 8)
        let photo = try XCTUnwrap(photos.first)
        XCTAssertNotNil(photo.urls.thumbnail)
        XCTAssertEqual(photo.likedStatus, .notLiked)
        let one = try await client.photos().retrieve(modelId: modelId, photoId: photo.id)
        XCTAssertEqual(one.id, photo.id)
        let none = try await client.photos().favorite(modelId: modelId)
        XCTAssertNil(none)
        _ = try mock.likePhoto(photoId: photo.id, status: .loved)
        _ = try mock.chooseFavorite(modelId: modelId, photoId: photo.id)
        let favorite = try await client.photos().favorite(modelId: modelId)
        XCTAssertEqual(favorite?.id, photo.id)
        let loved = try await client.photos().list(modelId: modelId, params: PhotoListParams(likedStatus: .loved)).items()
        XCTAssertEqual(loved.map(\.id), [photo.id])
        let links = try await client.photos().downloadLinks(modelId: modelId, photoIds: [photo.id])
        XCTAssertEqual(links.downloads.map(\.photoId), [photo.id])
        let favorites = try await client.photos().favorites().items()
        XCTAssertEqual(favorites.map(\.photo.id), [photo.id])
        let query = try XCTUnwrap(URLComponents(string: photo.urls.main)?.query)
        XCTAssertFalse("\(photo.urls)".contains(query), "\(photo.urls)")
    }

    func testWalksYieldEveryItemLazily() async throws {
        let client = try self.client()
        _ = try mock.seed(members: 450)
        var emails: [String] = []
        for try await member in client.members().listAll(params: MemberListParams(limit: 200)) {
            emails.append(member.email)
        }
        XCTAssertEqual(emails, (1...450).map { "seed-\($0)@example.com" })
        XCTAssertEqual(requestCount("/api/v2/organization/team"), 3)

        let walk = client.members().listAll(params: MemberListParams(limit: 2))
        XCTAssertEqual(requestCount("/api/v2/organization/team"), 3, "nothing is fetched before iteration")
        var taken = 0
        for try await _ in walk {
            taken += 1
            if taken == 3 { break }
        }
        XCTAssertEqual(requestCount("/api/v2/organization/team"), 5)

        let modelIds = try mock.seed(models: 2).modelIds
        var models = 0
        for try await _ in client.models().listAll(params: ModelListParams(limit: 1)) { models += 1 }
        XCTAssertEqual(models, 2)
        var photos = 0
        for try await _ in client.photos().listAll(modelId: modelIds[0], params: PhotoListParams(limit: 3)) { photos += 1 }
        XCTAssertEqual(photos, 8)
        var favorites = 0
        for try await _ in client.photos().favoritesAll() { favorites += 1 }
        XCTAssertEqual(favorites, 0)
    }

    func testCancellingTheIteratingTaskDropsThePendingPage() async throws {
        let client = try self.client()
        _ = try mock.seed(members: 4)
        let team = "/api/v2/organization/team"
        let mock = self.mock!
        let task = Task {
            var seen = 0
            for try await _ in client.members().listAll(params: MemberListParams(limit: 2)) {
                seen += 1
                if seen == 2 {
                    // The next page is answered 429 again and again: only cancelling stops it.
                    _ = try mock.injectFault(
                        method: "GET", path: team, status: 429,
                        body: #"{"success":false,"error":"slow down","code":"RATE_LIMIT_EXCEEDED"}"#,
                        headers: ["Retry-After": "1"], times: 50)
                }
            }
            return seen
        }
        while requestCount(team) < 2 {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the walk ended without its cancellation")
        } catch is CancellationError {}
        let atCancel = requestCount(team)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        XCTAssertEqual(requestCount(team), atCancel, "page requests went on after the task was cancelled")
    }

    func testARepeatedPageAndBadArgumentsEndTheWalkWithAnError() async throws {
        let client = try self.client()
        let page = #"{"success":true,"members":[{"id":"m1","email":"a@example.com","status":"accepted"},{"id":"m2","email":"b@example.com","status":"accepted"}],"pagination":{"total":10,"limit":2,"offset":0,"hasMore":true}}"#
        _ = try mock.injectFault(method: "GET", path: "/api/v2/organization/team", status: 200, body: page, times: 2)
        var seen: [String] = []
        do {
            for try await member in client.members().listAll(params: MemberListParams(limit: 2)) { seen.append(member.id) }
            XCTFail("expected ResponseDecodeError")
        } catch HeadshotProError.ResponseDecodeError {}
        XCTAssertEqual(seen, ["m1", "m2"])

        do {
            for try await _ in client.members().listAll(params: MemberListParams(limit: 0)) {}
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError {}
        XCTAssertEqual(requestCount("/api/"), 2)
    }

    func testUnknownStatusesAreKept() async throws {
        let client = try self.client()
        _ = try mock.injectFault(
            method: "GET", path: "/api/v2/organization/team", status: 200,
            body: #"{"success":true,"members":[{"id":"m1","email":"a@example.com","status":"archived"}]}"#)
        let member = try await client.members().list().items().first
        XCTAssertEqual(member?.status, .unknown("archived"))
        XCTAssertEqual(member.map { "\($0.status)" }, "archived")
    }
}
