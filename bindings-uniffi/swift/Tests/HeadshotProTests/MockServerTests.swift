import Foundation
import XCTest
import HeadshotPro

/// `MockServer` itself: settings, control calls, faults, logs, webhooks, closing.
final class MockServerTests: XCTestCase {
    func testStartsOnLoopbackAndClosesIdempotently() async throws {
        let mock = try MockServer()
        XCTAssertTrue(mock.url().hasPrefix("http://127.0.0.1:"), mock.url())
        XCTAssertEqual(mock.apiKey(), "hp_test_mock_key")
        XCTAssertNil(mock.caPem())
        let client = try mock.client(options: ClientOptions(maxRetries: 0))
        let credits = try await client.organization().credits()
        XCTAssertEqual(credits, 100)
        mock.close()
        mock.close()
        do {
            _ = try await client.organization().credits()
            XCTFail("the closed mock answered")
        } catch let error as HeadshotProError where error.isConnectionError() {}
    }

    func testABusyPortFallsBackToAFreeOne() throws {
        let first = try MockServer()
        defer { first.close() }
        let port = Int32(try XCTUnwrap(URLComponents(string: first.url())?.port))
        let second = try MockServer(options: MockServerOptions(port: port))
        defer { second.close() }
        XCTAssertNotEqual(URLComponents(string: second.url())?.port, Int(port))
    }

    func testControlCallsPlayThePeopleOnTheOtherSide() async throws {
        let mock = try MockServer(options: MockServerOptions(credits: 5, photosPerModel: 3))
        defer { mock.close() }
        let client = try mock.client()
        let invite = try await client.invites().create(email: "ada@example.com")
        XCTAssertEqual(try mock.acceptInvite(inviteId: invite.id).status, .waitingForUpload)
        XCTAssertEqual(try mock.uploadPhotos(inviteId: invite.id).status, .generatingHeadshots)
        let credits = try await client.organization().credits()
        XCTAssertEqual(credits, 4)

        let model = try await client.models().create(email: "grace@example.com")
        XCTAssertEqual(try mock.completeOnboarding(modelId: model.modelId).status, .waiting)
        XCTAssertEqual(try mock.advance(modelId: model.modelId).status, .pending)
        XCTAssertEqual(try mock.fail(modelId: model.modelId).status, .failed)
        _ = try mock.advance(modelId: model.modelId)
        _ = try mock.advance(modelId: model.modelId)
        let active = try mock.advance(modelId: model.modelId)
        XCTAssertEqual(active.status, .active)
        XCTAssertEqual(active.photoCount, 3)
        let photo = try XCTUnwrap(mock.photos(modelId: model.modelId).first)
        XCTAssertEqual(try mock.likePhoto(photoId: photo.id, status: .liked).likedStatus, .liked)
        XCTAssertEqual(try mock.chooseFavorite(modelId: model.modelId, photoId: photo.id).favoritePhotoId, photo.id)

        do {
            _ = try mock.acceptInvite(inviteId: "nope")
            XCTFail("expected NotFoundError")
        } catch HeadshotProError.NotFoundError(let details) {
            XCTAssertEqual(details.status, 404)
            XCTAssertEqual(details.operation, "mock.accept_invite")
        }
    }

    func testFaultsLogsSettingsAndReset() async throws {
        let mock = try MockServer()
        defer { mock.close() }
        let client = try mock.client(options: ClientOptions(maxRetries: 0))
        _ = try mock.injectFault(method: "GET", path: "/api/v1/organization/credits", status: 503)
        do {
            _ = try await client.organization().credits()
            XCTFail("expected ServerError")
        } catch HeadshotProError.ServerError {}
        _ = try mock.injectFault(method: "POST", path: "/api/v1/organization/invite", after: .drop)
        let invite = try await mock.client().invites().create(email: "ada@example.com")
        let invites = try await client.invites().list()
        XCTAssertEqual(invites.map(\.id), [invite.id])
        XCTAssertTrue(mock.requests().allSatisfy { $0.headers["authorization"] == "Bearer hp_test_mock_key" })

        _ = try mock.setOrganization(update: MockOrganizationUpdate(rateLimit: 5))
        XCTAssertEqual(try mock.organization().rateLimit, 5)
        _ = try mock.setOrganization(update: MockOrganizationUpdate(clear: [.rateLimit]))
        XCTAssertNil(try mock.organization().rateLimit)
        mock.reset()
        XCTAssertEqual(mock.requests().count, 0)
        let after = try await client.invites().list()
        XCTAssertEqual(after.count, 0)
    }

    func testWebhooksAreSignedAndCarryThePhotoId() async throws {
        let mock = try MockServer(options: MockServerOptions(webhookSecret: "whsec_test"))
        defer { mock.close() }
        // The mock delivers to itself: its request log then holds the webhook
        // exactly as a receiver would get it.
        _ = try mock.setOrganization(update: MockOrganizationUpdate(webhookUrl: mock.url() + "/hooks"))
        let modelId = try XCTUnwrap(mock.seed(models: 1).modelIds.first)
        let photo = try XCTUnwrap(mock.photos(modelId: modelId).first)
        _ = try mock.chooseFavorite(modelId: modelId, photoId: photo.id)
        var delivered: MockRequest?
        for _ in 0..<400 where delivered == nil {
            delivered = mock.requests().first { $0.path == "/hooks" }
            if delivered == nil { try await Task.sleep(nanoseconds: 25_000_000) }
        }
        let hook = try XCTUnwrap(delivered, "no webhook arrived")
        let event = try verifyWebhook(rawBody: Data(hook.body.utf8), headers: hook.headers, secret: "whsec_test")
        XCTAssertEqual(event.event, .modelFavoriteSelected)
        XCTAssertEqual(event.photoId, photo.id)
        XCTAssertEqual(event.object.id, modelId)
    }
}
