import Foundation
import XCTest
import HeadshotPro

/// The network settings: proxy, extra root certificates, a local rate cap,
/// and the last rate-limit headers.
final class SettingsTests: MockTestCase {
    func testRequestsGoThroughTheProxyWithItsCredentials() async throws {
        // A host that does not resolve: the only way to it is the proxy (the
        // mock answers proxied plain-http requests like direct ones).
        let proxy = "http://user:s3cret@" + mock.url().replacingOccurrences(of: "http://", with: "")
        let client = try Client(apiKey: mock.apiKey(), options: ClientOptions(
            baseUrl: "http://api.headshotpro.invalid", maxRetries: 0, allowInsecureHttp: true, proxy: proxy))
        let credits = try await client.organization().credits()
        XCTAssertEqual(credits, 100)
        let seen = try XCTUnwrap(mock.requests().first)
        XCTAssertEqual(seen.headers["host"], "api.headshotpro.invalid")
        XCTAssertEqual(seen.headers["proxy-authorization"], "Basic " + Data("user:s3cret".utf8).base64EncodedString())
        XCTAssertThrowsError(try Client(apiKey: "k", options: ClientOptions(proxy: "ftp://proxy.example.com"))) { error in
            guard case HeadshotProError.InvalidArgumentError = error else { return XCTFail("\(error)") }
        }
    }

    func testExtraRootCertificatesTrustTheTlsMock() async throws {
        let tls = try MockServer(options: MockServerOptions(tls: true))
        defer { tls.close() }
        XCTAssertTrue(tls.url().hasPrefix("https://127.0.0.1:"), tls.url())
        let ca = try XCTUnwrap(tls.caPem())
        let trusting = try Client(apiKey: tls.apiKey(), options: ClientOptions(baseUrl: tls.url(), maxRetries: 0, extraRootCertificates: ca))
        let credits = try await trusting.organization().credits()
        XCTAssertEqual(credits, 100)
        let viaFactory = try await tls.client().organization().credits()
        XCTAssertEqual(viaFactory, 100)
        let untrusting = try Client(apiKey: tls.apiKey(), options: ClientOptions(baseUrl: tls.url(), maxRetries: 0))
        do {
            _ = try await untrusting.organization().credits()
            XCTFail("expected ApiConnectionError")
        } catch HeadshotProError.ApiConnectionError {}
        XCTAssertThrowsError(try Client(apiKey: "k", options: ClientOptions(baseUrl: mock.url(), extraRootCertificates: "not a certificate"))) { error in
            guard case HeadshotProError.InvalidArgumentError(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("extraRootCertificates"), message)
        }
    }

    func testMaxRequestsPerMinuteMakesCallsWaitInTheClient() async throws {
        // One a minute: the second call must wait in the client (a minute, whether
        // the cap is a window or an even spacing), so nothing reaches the mock.
        let client = try mock.client(options: ClientOptions(maxRequestsPerMinute: 1))
        XCTAssertEqual(client.maxRequestsPerMinute(), 1)
        _ = try await client.organization().credits()
        let second = Task { try await client.organization().credits() }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        XCTAssertEqual(requestCount("/api/"), 1, "the second call of the minute did not wait")
        second.cancel()
        _ = try? await second.value
        XCTAssertThrowsError(try mock.client(options: ClientOptions(maxRequestsPerMinute: 0)))
        XCTAssertThrowsError(try mock.client(options: ClientOptions(maxRequestsPerMinute: -1)))
    }

    func testTheLastRateLimitHeadersAreReadableAndShared() async throws {
        _ = try mock.setOrganization(update: MockOrganizationUpdate(rateLimit: 10))
        let client = try self.client()
        XCTAssertNil(client.lastRateLimit())
        _ = try await client.organization().credits()
        let first = try XCTUnwrap(client.lastRateLimit())
        XCTAssertEqual(first.limit, 10)
        XCTAssertEqual(first.remaining, 9)
        XCTAssertNotNil(first.resetAt)
        _ = try await client.withOptions(options: RequestOptions(maxRetries: 0)).organization().credits()
        XCTAssertEqual(client.lastRateLimit()?.remaining, 8)
    }
}
