import Foundation
import XCTest
import HeadshotPro

/// `client.withOptions(options: RequestOptions(...))`: other settings for some
/// calls, sharing the client's connection pool.
final class OptionsTests: MockTestCase {
    private let credits = "/api/v1/organization/credits"

    private func fault(status: Int32, delayMs: Int64? = nil) async throws {
        _ = try mock.injectFault(method: "GET", path: credits, status: status, delayMs: delayMs)
    }

    private func creditRequests() async throws -> Int {
        requestCount(credits)
    }

    func testOptionsApplyToTheDerivedClientOnly() async throws {
        let client = try self.client()
        let strict = try client.withOptions(options: RequestOptions(timeoutMs: 200, maxRetries: 0))
        XCTAssertEqual(strict.timeoutMs(), 200)
        XCTAssertEqual(strict.maxRetries(), 0)
        XCTAssertEqual(client.maxRetries(), 2)
        XCTAssertEqual(client.timeoutMs(), 60_000)
        XCTAssertEqual(strict.baseUrl(), client.baseUrl())
        XCTAssertEqual(strict.userAgent(), client.userAgent())

        try await fault(status: 503, delayMs: 1000)
        do {
            _ = try await strict.organization().credits()
            XCTFail("expected APITimeoutError")
        } catch HeadshotProError.ApiTimeoutError(_, let operation, _) {
            XCTAssertEqual(operation, "organization.credits")
        }
        let afterStrict = try await creditRequests()
        XCTAssertEqual(afterStrict, 1)

        // Let the delayed answer finish, then the original client still retries a 503.
        try await Task.sleep(nanoseconds: 1_200_000_000)
        try await fault(status: 503)
        let value = try await client.organization().credits()
        XCTAssertEqual(value, 100)
        let afterOriginal = try await creditRequests()
        XCTAssertEqual(afterOriginal, 3)
    }

    func testUnsetFieldsKeepTheClientsSettings() async throws {
        let client = try self.client(maxRetries: 1, timeoutMs: 5_000)
        let same = try client.withOptions(options: RequestOptions())
        XCTAssertEqual(same.maxRetries(), 1)
        XCTAssertEqual(same.timeoutMs(), 5_000)
        let noRetries = try client.withOptions(options: RequestOptions(maxRetries: 0))
        XCTAssertEqual(noRetries.maxRetries(), 0)
        XCTAssertEqual(noRetries.timeoutMs(), 5_000)

        try await fault(status: 503)
        do {
            _ = try await noRetries.organization().credits()
            XCTFail("expected ServerError")
        } catch HeadshotProError.ServerError(let details) {
            XCTAssertEqual(details.status, 503)
        }
        let count = try await creditRequests()
        XCTAssertEqual(count, 1)
    }

    func testNegativeNumbersAreInvalidArgumentsNamingTheField() throws {
        let builds: [(String, () throws -> Any)] = [
            ("timeoutMs", { try Client(apiKey: "k", options: ClientOptions(baseUrl: self.mock.url(), timeoutMs: -1)) }),
            ("connectTimeoutMs", { try Client(apiKey: "k", options: ClientOptions(baseUrl: self.mock.url(), connectTimeoutMs: -5)) }),
            ("maxRetries", { try Client(apiKey: "k", options: ClientOptions(baseUrl: self.mock.url(), maxRetries: -1)) }),
            ("maxRetries", { try self.client().withOptions(options: RequestOptions(maxRetries: -2)) }),
            ("timeoutMs", { try self.client().withOptions(options: RequestOptions(timeoutMs: -200)) }),
        ]
        for (field, build) in builds {
            XCTAssertThrowsError(try build(), field) { error in
                guard case HeadshotProError.InvalidArgumentError(let message) = error else {
                    return XCTFail("\(field): \(error)")
                }
                XCTAssertTrue(message.contains("\(field) must be zero or more"), message)
            }
        }
    }

    func testConnectTimeoutAndInsecureHttpAreApplied() async throws {
        XCTAssertThrowsError(try Client(apiKey: "k", options: ClientOptions(baseUrl: "http://example.com")))
        let allowed = try Client(apiKey: "k", options: ClientOptions(baseUrl: "http://example.com", allowInsecureHttp: true))
        XCTAssertEqual(allowed.baseUrl(), "http://example.com")
        let client = try mock.client(options: ClientOptions(connectTimeoutMs: 2_000))
        let value = try await client.organization().credits()
        XCTAssertEqual(value, 100)
    }
}
