import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
import HeadshotPro

/// A test case with an in-process `MockServer` of its own, started before
/// each test and closed after it.
class MockTestCase: XCTestCase {
    /// This test's mock.
    var mock: MockServer!

    override func setUp() async throws {
        mock = try MockServer()
    }

    override func tearDown() async throws {
        mock.close()
        mock = nil
    }

    /// A client of the mock with these settings.
    func client(maxRetries: Int32? = nil, timeoutMs: Int64? = nil) throws -> Client {
        try mock.client(options: ClientOptions(timeoutMs: timeoutMs, maxRetries: maxRetries))
    }

    /// A client of the mock's URL with another key.
    func client(key: String, maxRetries: Int32? = nil) throws -> Client {
        try Client(apiKey: key, options: ClientOptions(baseUrl: mock.url(), maxRetries: maxRetries))
    }

    /// How many logged requests match `method` (any when nil) and start with `prefix`.
    func requestCount(_ prefix: String, method: String? = nil) -> Int {
        mock.requests().filter { (method == nil || $0.method == method) && $0.path.hasPrefix(prefix) }.count
    }

    /// A loopback port nothing listens on: bound, then closed.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
