import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
import HeadshotPro

/// Cancellation drops the request, a panic ends the call, and errors fall in
/// families whatever their case.
final class ResilienceTests: MockTestCase {
    /// Runs `call` in a task, cancels it once the mock logged `atLeast`
    /// requests under `path`, and checks that it ends with CancellationError
    /// and that no request arrives afterwards.
    private func assertCancelStopsRequests(
        _ path: String, atLeast: Int, _ call: @escaping @Sendable () async throws -> Void
    ) async throws {
        let task = Task { try await call() }
        while requestCount(path) < atLeast {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        task.cancel()
        do {
            try await task.value
            XCTFail("the call to \(path) ended without its cancellation")
        } catch is CancellationError {}
        let atCancel = requestCount(path)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let later = requestCount(path)
        XCTAssertEqual(later, atCancel, "requests to \(path) went on after the task was cancelled")
    }

    func testCancellingATaskStopsModelsWait() async throws {
        let client = try self.client()
        // Not a development model: it stays in onboarding, so the wait polls on.
        let model = try await client.models().create(email: "ada@example.com")
        try await assertCancelStopsRequests("/api/v2/organization/whitelabel/model/get/\(model.modelId)", atLeast: 2) {
            _ = try await client.models().wait(modelId: model.modelId, until: .active, timeoutMs: 8_000)
        }
    }

    func testCancellingATaskStopsTheRetries() async throws {
        let path = "/api/v1/organization/credits"
        _ = try mock.injectFault(
            method: nil, path: path, status: 429,
            body: #"{"success":false,"error":"slow down","code":"RATE_LIMIT_EXCEEDED"}"#,
            headers: ["Retry-After": "1"], times: 50)
        let client = try self.client(maxRetries: 20)
        try await assertCancelStopsRequests(path, atLeast: 1) { _ = try await client.organization().credits() }
    }

    func testAnUncancelledCallStillCompletes() async throws {
        let client = try self.client()
        let credits = try await Task { try await client.organization().credits() }.value
        XCTAssertEqual(credits, 100)
    }

    func testAPanicEndsTheCallWithAnInternalErrorNamingTheOperation() async throws {
        // A debug-build hook (the test build is one) that panics inside the runtime.
        do {
            try await debugPanicInRuntime()
            XCTFail("expected InternalError")
        } catch HeadshotProError.InternalError(let message, let operation) {
            XCTAssertEqual(operation, "testing.panic")
            XCTAssertTrue(message.contains("a deliberate panic, for the tests"), message)
        }
        let credits = try await client().organization().credits()
        XCTAssertEqual(credits, 100)
    }

    private func failure(_ call: () async throws -> Void) async -> HeadshotProError? {
        do {
            try await call()
            return nil
        } catch let error as HeadshotProError {
            return error
        } catch {
            XCTFail("not a HeadshotProError: \(error)")
            return nil
        }
    }

    func testEveryAPIErrorIsOneFamilyWithRateLimitInfo() async throws {
        _ = try mock.injectFault(
            method: nil, path: "/api/v1/organization", status: 500,
            headers: ["X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "12",
                      "X-RateLimit-Reset": "2030-01-01T00:00:00.000Z", "Retry-After": "3"])
        let server = await failure { _ = try await client(maxRetries: 0).organization().retrieve() }
        let error = try XCTUnwrap(server)
        XCTAssertTrue(error.isApiError())
        XCTAssertFalse(error.isConnectionError())
        XCTAssertEqual(error.className(), "ServerError")
        XCTAssertEqual(error.operation(), "organization.retrieve")
        XCTAssertTrue(error.mayHaveReachedServer())
        let details = try XCTUnwrap(error.apiDetails())
        XCTAssertEqual(details.status, 500)
        XCTAssertEqual(details.rateLimit.limit, 300)
        XCTAssertEqual(details.rateLimit.remaining, 12)
        XCTAssertEqual(details.retryAfter, 3)
        XCTAssertEqual(details.rateLimit.resetAt, ISO8601DateFormatter().date(from: "2030-01-01T00:00:00Z"))
        XCTAssertEqual("\(error)", "ServerError in organization.retrieve: HTTP 500 INJECTED: injected fault")

        let notFound = await failure { _ = try await client().models().retrieve(modelId: "nope") }
        XCTAssertEqual(notFound?.isApiError(), true)
        XCTAssertEqual(notFound?.apiDetails()?.status, 404)
        let invalid = await failure { _ = try await client().invites().create(email: "nope") }
        XCTAssertEqual(invalid?.isApiError(), false)
        XCTAssertEqual(invalid?.isConnectionError(), false)
        XCTAssertNil(invalid?.apiDetails())
    }

    func testATimeoutIsAConnectionError() async throws {
        _ = try mock.injectFault(method: nil, path: "/api/v1/organization", status: 503, delayMs: 2000)
        let timeout = await failure { _ = try await client(maxRetries: 0, timeoutMs: 200).organization().retrieve() }
        let error = try XCTUnwrap(timeout)
        guard case .ApiTimeoutError = error else { return XCTFail("\(error)") }
        XCTAssertTrue(error.isConnectionError())
        XCTAssertFalse(error.isApiError())
        XCTAssertTrue(error.mayHaveReachedServer())

        let refused = await failure {
            _ = try await Client(apiKey: "k", options: ClientOptions(baseUrl: "http://127.0.0.1:\(MockTestCase.closedPort())", maxRetries: 0))
                .organization().credits()
        }
        XCTAssertEqual(refused?.isConnectionError(), true)
        XCTAssertEqual(refused?.mayHaveReachedServer(), false)
        XCTAssertEqual(refused?.operation(), "organization.credits")
    }

    func testAModelPrintsItsSignedUrlRedacted() async throws {
        let model = try await client().models().create(email: "ada@example.com", isDevelopment: true)
        let token = try XCTUnwrap(URLComponents(string: model.signedUrl)?.queryItems?.first { $0.name == "token" }?.value)
        XCTAssertGreaterThan(token.count, 8)
        for shown in ["\(model)", String(describing: model), String(reflecting: model), "\([model])"] {
            XCTAssertFalse(shown.contains(token), shown)
            XCTAssertTrue(shown.contains("token=[redacted]") && shown.contains(model.modelId), shown)
        }
        XCTAssertTrue(model.signedUrl.contains("token=\(token)"), "the field itself stays whole")
    }

    func testPlainHttpIsRefusedInSwiftTerms() throws {
        XCTAssertThrowsError(try Client(apiKey: "k", options: ClientOptions(baseUrl: "http://api.example.com"))) { error in
            guard case let HeadshotProError.InvalidArgumentError(message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("pass ClientOptions(allowInsecureHttp: true)"), message)
            XCTAssertFalse(message.contains("allow_insecure_http"), message)
        }
    }

    func testAWriteToAClosedConnectionIsAnErrorNotTheEndOfTheProcess() throws {
        _ = try client()
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        close(fds[1])
        defer { close(fds[0]) }
        let written = [UInt8](repeating: 1, count: 16).withUnsafeBytes { write(fds[0], $0.baseAddress, $0.count) }
        XCTAssertEqual(written, -1)
        XCTAssertEqual(errno, EPIPE)
    }
}
