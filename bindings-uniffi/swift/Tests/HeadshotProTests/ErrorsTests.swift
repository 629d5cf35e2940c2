import Foundation
import XCTest
import HeadshotPro

/// Every class of the SPEC's error hierarchy, as Swift `catch` patterns.
final class ErrorsTests: MockTestCase {

    func testInvalidArgument() async throws {
        do {
            _ = try await client().invites().create(email: "not-an-email")
            XCTFail("expected InvalidArgumentError")
        } catch HeadshotProError.InvalidArgumentError(let message) {
            XCTAssertFalse(message.isEmpty)
        }
        XCTAssertThrowsError(try Client(apiKey: "  ", options: ClientOptions(baseUrl: mock.url()))) { error in
            guard case HeadshotProError.InvalidArgumentError = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Client(apiKey: "k", options: ClientOptions(baseUrl: "http://example.com"))) { error in
            guard case HeadshotProError.InvalidArgumentError = error else { return XCTFail("\(error)") }
        }
    }

    func testAuthentication() async throws {
        do {
            _ = try await client(key: "hp_wrong_key").organization().retrieve()
            XCTFail("expected AuthenticationError")
        } catch HeadshotProError.AuthenticationError(let details) {
            XCTAssertEqual(details.status, 401)
            XCTAssertEqual(details.code, "UNAUTHORIZED")
            XCTAssertEqual(details.operation, "organization.retrieve")
        }
    }

    func testNotFound() async throws {
        do {
            _ = try await client().models().retrieve(modelId: "nope")
            XCTFail("expected NotFoundError")
        } catch HeadshotProError.NotFoundError(let details) {
            XCTAssertEqual(details.status, 404)
            XCTAssertEqual(details.code, "NOT_FOUND")
        }
    }

    func testBadRequest() async throws {
        let client = try self.client()
        _ = try await client.models().create(email: "ada@example.com", isDevelopment: true)
        do {
            _ = try await client.models().create(email: "ada@example.com", isDevelopment: true)
            XCTFail("expected BadRequestError")
        } catch HeadshotProError.BadRequestError(let details) {
            XCTAssertEqual(details.code, "ALREADY_EXISTS")
        }
    }

    func testInsufficientCredits() async throws {
        _ = try mock.setOrganization(update: MockOrganizationUpdate(credits: 0))
        do {
            _ = try await client().models().create(email: "ada@example.com")
            XCTFail("expected InsufficientCreditsError")
        } catch HeadshotProError.InsufficientCreditsError(let details) {
            XCTAssertEqual(details.code, "INSUFFICIENT_CREDITS")
        }
    }

    func testPermissionDenied() async throws {
        _ = try mock.setOrganization(update: MockOrganizationUpdate(whitelabel: false))
        do {
            _ = try await client().models().create(email: "ada@example.com")
            XCTFail("expected PermissionDeniedError")
        } catch HeadshotProError.PermissionDeniedError(let details) {
            XCTAssertEqual(details.status, 403)
        }
    }

    func testRateLimit() async throws {
        _ = try mock.injectFault(
            method: nil, path: "/api/v1/organization/credits", status: 429,
            body: #"{"success":false,"error":"Too many requests","code":"RATE_LIMIT_EXCEEDED"}"#,
            headers: ["Retry-After": "7", "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0"])
        do {
            _ = try await client(maxRetries: 0).organization().credits()
            XCTFail("expected RateLimitError")
        } catch HeadshotProError.RateLimitError(let details) {
            XCTAssertEqual(details.status, 429)
            XCTAssertEqual(details.code, "RATE_LIMIT_EXCEEDED")
            XCTAssertEqual(details.retryAfter, 7)
            XCTAssertEqual(details.rateLimit.limit, 300)
            XCTAssertEqual(details.rateLimit.remaining, 0)
        }
    }

    func testInviteLimit() async throws {
        _ = try mock.setOrganization(update: MockOrganizationUpdate(inviteLimit: 1))
        let client = try self.client()
        _ = try await client.invites().create(email: "ada@example.com")
        do {
            _ = try await client.invites().create(email: "alan@example.com")
            XCTFail("expected InviteLimitError")
        } catch HeadshotProError.InviteLimitError(let details) {
            XCTAssertEqual(details.code, "INVITE_LIMIT_EXCEEDED")
        }
    }

    func testServerError() async throws {
        _ = try mock.injectFault(method: nil, path: "/api/v1/organization", status: 503)
        do {
            _ = try await client(maxRetries: 0).organization().retrieve()
            XCTFail("expected ServerError")
        } catch HeadshotProError.ServerError(let details) {
            XCTAssertEqual(details.status, 503)
        }
    }

    func testOtherStatusIsAPIError() async throws {
        _ = try mock.injectFault(method: nil, path: "/api/v1/organization", status: 409)
        do {
            _ = try await client(maxRetries: 0).organization().retrieve()
            XCTFail("expected APIError")
        } catch HeadshotProError.ApiError(let details) {
            XCTAssertEqual(details.status, 409)
        }
    }

    func testConnectionRefused() async throws {
        let client = try Client(apiKey: "k", options: ClientOptions(baseUrl: "http://127.0.0.1:\(MockTestCase.closedPort())", maxRetries: 0))
        do {
            _ = try await client.organization().retrieve()
            XCTFail("expected APIConnectionError")
        } catch HeadshotProError.ApiConnectionError(_, _, let mayHaveReachedServer) {
            XCTAssertFalse(mayHaveReachedServer)
        }
    }

    func testTimeout() async throws {
        _ = try mock.injectFault(method: nil, path: "/api/v1/organization", status: 503, delayMs: 3000)
        do {
            _ = try await client(maxRetries: 0, timeoutMs: 300).organization().retrieve()
            XCTFail("expected APITimeoutError")
        } catch HeadshotProError.ApiTimeoutError(_, let operation, _) {
            XCTAssertEqual(operation, "organization.retrieve")
        }
    }

    func testResponseDecode() async throws {
        _ = try mock.injectFault(method: nil, path: "/api/v1/organization", status: 200, body: "not json")
        do {
            _ = try await client(maxRetries: 0).organization().retrieve()
            XCTFail("expected ResponseDecodeError")
        } catch HeadshotProError.ResponseDecodeError(let status, _, _, _) {
            XCTAssertEqual(status, 200)
        }
    }

    func testKeyNeverInErrorText() async throws {
        let secretKey = "hp_live_SUPERSECRETKEY123"
        func check(_ error: Error) {
            for text in ["\(error)", String(reflecting: error), error.localizedDescription] {
                XCTAssertFalse(text.contains("SUPERSECRET"), text)
            }
        }
        do {
            _ = try await Client(apiKey: secretKey, options: ClientOptions(baseUrl: mock.url(), maxRetries: 0)).organization().retrieve()
            XCTFail("expected a failure")
        } catch { check(error) }
        do {
            _ = try await Client(apiKey: secretKey, options: ClientOptions(baseUrl: "http://127.0.0.1:\(MockTestCase.closedPort())", maxRetries: 0)).organization().credits()
            XCTFail("expected a failure")
        } catch { check(error) }
        do {
            _ = try Client(apiKey: secretKey + " x", options: ClientOptions(baseUrl: mock.url()))
            XCTFail("expected a failure")
        } catch { check(error) }
        do {
            _ = try Client(apiKey: secretKey, options: ClientOptions(baseUrl: "http://example.com"))
            XCTFail("expected a failure")
        } catch { check(error) }
    }
}
