import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import XCTest
import HeadshotPro

/// The headshotpro-mock started by scripts/test-swift.sh (outside the Swift
/// root, same network), named by HEADSHOTPRO_MOCK_URL / HEADSHOTPRO_MOCK_KEY.
enum Mock {
    static var url: String {
        guard let url = ProcessInfo.processInfo.environment["HEADSHOTPRO_MOCK_URL"], !url.isEmpty else {
            fatalError("HEADSHOTPRO_MOCK_URL is not set: run the tests through scripts/test-swift.sh")
        }
        return url
    }

    static var apiKey: String {
        ProcessInfo.processInfo.environment["HEADSHOTPRO_MOCK_KEY"] ?? ""
    }

    static func client(maxRetries: Int32? = nil, timeoutMs: Int64? = nil, key: String? = nil) throws -> Client {
        try Client(apiKey: key ?? apiKey, options: ClientOptions(baseUrl: url, timeoutMs: timeoutMs, maxRetries: maxRetries))
    }

    /// Sends a control request; answers the status and the parsed JSON body.
    @discardableResult
    static func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> (Int, Any?) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        let (data, response): (Data, URLResponse) = try await withCheckedThrowingContinuation { cont in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { cont.resume(throwing: error) } else { cont.resume(returning: (data ?? Data(), response!)) }
            }.resume()
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return (status, json)
    }

    /// A control request that must answer 2xx.
    @discardableResult
    static func ok(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let (status, json) = try await control(method, path, body)
        guard (200..<300).contains(status) else {
            throw NSError(domain: "Mock", code: status, userInfo: [NSLocalizedDescriptionKey: "\(method) \(path) answered \(status): \(String(describing: json))"])
        }
        return json
    }

    /// How many API requests the mock received for paths starting with `prefix`.
    static func requestCount(_ prefix: String) async throws -> Int {
        let log = try await ok("GET", "/__mock/requests") as? [String: Any]
        let requests = log?["requests"] as? [[String: Any]] ?? []
        return requests.filter { ($0["path"] as? String)?.hasPrefix(prefix) ?? false }.count
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
