import Foundation
import XCTest
import HeadshotPro
@testable import Headshots

/// The application's HeadshotPro code against the package's in-process MockServer.
final class HeadshotServiceTests: XCTestCase {
    private var mock: MockServer!

    override func setUp() async throws {
        mock = try MockServer()          // a fresh mock per test, on 127.0.0.1 and a free port
    }

    override func tearDown() async throws {
        mock.close()
    }

    func testNewHiresAreInvitedAndShowUpOnceFinished() async throws {
        let service = HeadshotService(client: try mock.client())
        let invites = try await service.inviteNewHires(team: "Design", emails: ["ada@example.com", "grace@example.com"])
        let none = try await service.finishedMembers()
        XCTAssertEqual(none, [])

        // The people on the other side: Ada signs up, uploads, gets her headshots.
        let ada = try XCTUnwrap(invites["ada@example.com"])
        _ = try mock.acceptInvite(inviteId: ada)
        _ = try mock.uploadPhotos(inviteId: ada)
        _ = try mock.advanceInvite(inviteId: ada)
        let finished = try await service.finishedMembers()
        XCTAssertEqual(finished, ["ada@example.com"])
    }

    func testAnOutageShowsAsNoCredits() async throws {
        _ = try mock.injectFault(method: "GET", path: "/api/v1/organization/credits", status: 503, times: 3)
        let service = HeadshotService(client: try mock.client(options: ClientOptions(maxRetries: 2)))
        let during = try await service.creditsOrNil()
        XCTAssertNil(during)
        let after = try await service.creditsOrNil()
        XCTAssertEqual(after, 100)
    }

    func testAFavoriteReachesTheWebhookHandler() async throws {
        // The mock delivers to its own URL: its request log then holds the
        // signed webhook exactly as the application's endpoint receives it.
        let signed = try MockServer(options: MockServerOptions(webhookSecret: "whsec_example"))
        defer { signed.close() }
        _ = try signed.setOrganization(update: MockOrganizationUpdate(webhookUrl: signed.url() + "/webhooks"))
        let modelId = try XCTUnwrap(signed.seed(models: 1).modelIds.first)
        let photoId = try XCTUnwrap(signed.photos(modelId: modelId).first?.id)
        _ = try signed.chooseFavorite(modelId: modelId, photoId: photoId)
        var delivery: MockRequest?
        for _ in 0..<400 where delivery == nil {
            delivery = signed.requests().first { $0.path == "/webhooks" }
            if delivery == nil { try await Task.sleep(nanoseconds: 25_000_000) }
        }
        let webhook = try XCTUnwrap(delivery, "no webhook arrived")
        let answer = handleWebhook(body: Array(webhook.body.utf8), headers: webhook.headers, secret: "whsec_example")
        XCTAssertEqual(answer.status, 204)
        XCTAssertEqual(answer.favorite, photoId)
        XCTAssertEqual(handleWebhook(body: Array(webhook.body.utf8), headers: webhook.headers, secret: "wrong").status, 400)
    }
}
