// The Swift runner of the cross-language matrix (tests/README.md), through
// the public HeadshotPro API only:
//   headshotpro-matrix --cases DIR --vectors DIR --mock-bin FILE --out FILE
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import HeadshotPro

func arg(_ name: String) -> String {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else {
        FileHandle.standardError.write(Data("headshotpro-matrix: \(name) is required\n".utf8))
        exit(2)
    }
    return args[i + 1]
}

func normalize(_ v: Any) -> Any {
    guard let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed]) else { return v }
    return (try? JSONSerialization.jsonObject(with: d, options: [.fragmentsAllowed])) ?? v
}

func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}

final class MockProcess {
    let process = Process()
    let stdin = Pipe()
    let stdout = Pipe()
    var url = ""
    var apiKey = ""

    init(binary: String) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port", "0", "--host", "127.0.0.1", "--dev-step-ms", "50", "--webhook-delay-ms", "0",
                             "--webhook-retry-ms", "50", "--exit-on-stdin-close"]
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while true {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let first = try JSONSerialization.jsonObject(with: line) as? [String: Any],
              let url = first["url"] as? String else { throw Failure("the mock printed no address") }
        self.url = url
        apiKey = first["api_key"] as? String ?? ""
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func control(_ method: String, _ path: String, _ body: Any? = nil) async throws -> (Int, Any?) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let body, !(body is NSNull) {
            request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed])
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        let (data, response): (Data, URLResponse) = try await withCheckedThrowingContinuation { cont in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { cont.resume(throwing: error) } else { cont.resume(returning: (data ?? Data(), response!)) }
            }.resume()
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    @discardableResult
    func ok(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        let (status, json) = try await control(method, path, body)
        guard (200..<300).contains(status) else { throw Failure("\(method) \(path) answered \(status)") }
        return json
    }
}

/// The SPEC class name, API code, status and text of an error.
func describe(_ e: HeadshotProError) -> (String, String?, Int?, String) {
    if let details = e.apiDetails() {
        return (e.className(), details.code, Int(details.status), details.message)
    }
    switch e {
    case let .ResponseDecodeError(status, message, _, _):
        return (e.className(), nil, Int(status), message)
    case let .InvalidArgumentError(message), let .WebhookVerificationError(message),
         let .ApiConnectionError(message, _, _), let .ApiTimeoutError(message, _, _),
         let .InternalError(message, _):
        return (e.className(), nil, nil, message)
    default:
        return (e.className(), nil, nil, "\(e)")
    }
}

/// The first delivery attempts in the mock's webhook log matching `event` and `modelId` (when given).
func firstAttempts(_ mock: MockProcess, _ event: String?, _ modelId: String?) async throws -> Int {
    let log = (try await mock.ok("GET", "/__mock/webhooks") as? [String: Any])?["webhooks"] as? [[String: Any]] ?? []
    return log.filter { w in
        (w["attempt"] as? NSNumber)?.intValue == 1 &&
            (event == nil || (w["event"] as? String) == event) &&
            (modelId == nil || (w["modelId"] as? String) == modelId)
    }.count
}

/// A client from the mock's URL and key overlaid with a case's `client` settings.
func makeClient(_ spec: [String: Any], _ mock: MockProcess) throws -> Client {
    var base = spec["base_url"] as? String ?? mock.url
    if base == "$closed_port" { base = "http://127.0.0.1:\(closedPort())" }
    let app = (spec["app_info"] as? [String: Any]).map {
        AppInfo(name: $0["name"] as? String ?? "", version: $0["version"] as? String, url: $0["url"] as? String)
    }
    return try Client(apiKey: spec["api_key"] as? String ?? mock.apiKey, options: ClientOptions(
        baseUrl: base, timeoutMs: (spec["timeout_ms"] as? NSNumber)?.int64Value,
        maxRetries: (spec["max_retries"] as? NSNumber)?.int32Value,
        maxRequestsPerMinute: (spec["max_requests_per_minute"] as? NSNumber)?.int32Value,
        defaultHeaders: spec["default_headers"] as? [String: String], appInfo: app))
}

func runCase(_ url: URL, _ vectors: URL, _ mock: MockProcess) async -> [String: Any] {
    let name = url.deletingPathExtension().lastPathComponent
    let caseDir = FileManager.default.temporaryDirectory.appendingPathComponent("hp-matrix-swift-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: caseDir) }
    do {
        try FileManager.default.createDirectory(at: caseDir, withIntermediateDirectories: true)
        guard let c = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else { throw Failure("not an object") }
        try await mock.ok("POST", "/__mock/reset")
        if let m = c["mock"] { try await mock.ok("PUT", "/__mock/organization", m) }
        for f in c["faults"] as? [Any] ?? [] { try await mock.ok("POST", "/__mock/faults", f) }
        let spec = c["client"] as? [String: Any] ?? [:]
        var built: Client?
        let client: () throws -> Client = {
            if let built { return built }
            let made = try makeClient(spec, mock)
            built = made
            return made
        }
        var vars: [String: Any] = ["env": ["mock_url": mock.url, "closed_port_url": "http://127.0.0.1:\(closedPort())"]]
        for (i, raw) in (c["steps"] as? [Any] ?? []).enumerated() {
            guard let step = try Matching.substitute(raw, vars) as? [String: Any] else { throw Failure("step \(i + 1): not an object") }
            let n = i + 1
            if let control = step["control"] as? [String: Any] {
                let method = control["method"] as? String ?? "GET", path = control["path"] as? String ?? ""
                let (status, body) = try await mock.control(method, path, control["body"])
                if let want = (control["expect_status"] ?? step["expect_status"]) as? NSNumber {
                    if status != want.intValue { throw Failure("step \(n) (control \(path)): status \(status) \(Matching.text(body))") }
                } else if !(200..<300).contains(status) {
                    throw Failure("step \(n) (control \(path)): status \(status) \(Matching.text(body))")
                }
                continue
            }
            if let req = step["requests"] as? [String: Any] {
                let log = (try await mock.ok("GET", "/__mock/requests") as? [String: Any])?["requests"] as? [[String: Any]] ?? []
                let method = req["method"] as? String, prefix = req["path"] as? String ?? ""
                let count = log.filter { e in
                    (method == nil || (e["method"] as? String)?.uppercased() == method?.uppercased()) &&
                        ((e["path"] as? String) ?? "").hasPrefix(prefix)
                }.count
                let want = (req["count"] as? NSNumber)?.intValue ?? -1
                if count != want { throw Failure("step \(n) (requests \(prefix)): expected \(want), got \(count)") }
                if let pattern = req["headers"] {
                    for entry in log where (method == nil || (entry["method"] as? String)?.uppercased() == method?.uppercased())
                        && ((entry["path"] as? String) ?? "").hasPrefix(prefix) {
                        if let m = Matching.mismatch(pattern, entry["headers"]) {
                            throw Failure("step \(n) (requests \(prefix) headers): \(m); headers \(Matching.text(entry["headers"]))")
                        }
                    }
                }
                continue
            }
            if let hooks = step["webhooks"] as? [String: Any] {
                // Deliveries are asynchronous: read the log every 25 ms for up to 10 s.
                let event = hooks["event"] as? String, modelId = hooks["model_id"] as? String
                let want = (hooks["count"] as? NSNumber)?.intValue ?? -1
                let deadline = Date().addingTimeInterval(10)
                var seen = try await firstAttempts(mock, event, modelId)
                while seen < want && Date() < deadline {
                    try await Task.sleep(nanoseconds: 25_000_000)
                    seen = try await firstAttempts(mock, event, modelId)
                }
                if seen != want { throw Failure("step \(n) (webhooks \(event ?? "any")): expected \(want), got \(seen)") }
                continue
            }
            if let ms = step["sleep_ms"] as? NSNumber {
                try await Task.sleep(nanoseconds: ms.uint64Value * 1_000_000)
                continue
            }
            guard let op = step["op"] as? String else { throw Failure("step \(n): nothing to do") }
            let expect = step["expect"] as? [String: Any] ?? [:]
            var callClient = client
            if let options = step["options"] as? [String: Any] {
                // The step's per-call options, on the same client (same pool).
                let request = RequestOptions(timeoutMs: (options["timeout_ms"] as? NSNumber)?.int64Value,
                                             maxRetries: (options["max_retries"] as? NSNumber)?.int32Value,
                                             headers: options["headers"] as? [String: String])
                callClient = { try client().withOptions(options: request) }
            }
            let started = Date()
            var value: Any = NSNull()
            var failure: HeadshotProError?
            do {
                let args = Args(op: op, values: step["args"] as? [String: Any] ?? [:])
                if op == "client.create" {
                    _ = try makeClient(args.values, mock)
                    value = NSNull()
                } else if (step["raw"] as? Bool) == true {
                    let target = try callClient()
                    let answer = try await target.withResponse { c in try await call(op, args, { c }, vectors, caseDir) }
                    value = normalize(Canonical.of(answer))
                } else {
                    value = normalize(Canonical.of(try await call(op, args, callClient, vectors, caseDir)))
                }
            } catch let e as HeadshotProError {
                failure = e
            }
            let elapsed = Date().timeIntervalSince(started) * 1000
            if let min = expect["min_elapsed_ms"] as? NSNumber, elapsed < min.doubleValue {
                throw Failure("step \(n) (\(op)): took \(Int(elapsed)) ms, expected at least \(min)")
            }
            if let want = expect["error"] as? [String: Any] {
                guard let failure else { throw Failure("step \(n) (\(op)): expected \(want["class"] ?? ""), got \(Matching.text(value))") }
                let (cls, code, status, message) = describe(failure)
                let actual = "\(cls) (status \(status.map(String.init) ?? "nil"), code \(code ?? "nil")): \(message)"
                if let c = want["class"] as? String, c != cls { throw Failure("step \(n) (\(op)): expected \(c), got \(actual)") }
                if let c = want["code"] as? String, c != code { throw Failure("step \(n) (\(op)): expected code \(c), got \(actual)") }
                if let s = want["status"] as? NSNumber, s.intValue != status { throw Failure("step \(n) (\(op)): expected status \(s), got \(actual)") }
                if let t = want["message_contains"] as? String, !message.contains(t) { throw Failure("step \(n) (\(op)): expected message containing \"\(t)\", got \(actual)") }
                continue
            }
            if let failure {
                let (cls, code, status, message) = describe(failure)
                throw Failure("step \(n) (\(op)): unexpected \(cls) (\(status.map(String.init) ?? "nil") \(code ?? "nil")): \(message)")
            }
            if let want = expect["result"], let m = Matching.mismatch(want, value) {
                throw Failure("step \(n) (\(op)): \(m); actual \(Matching.text(value))")
            }
            if let save = step["save"] as? String { vars[save] = value }
        }
        return ["case": name, "passed": true, "detail": ""]
    } catch {
        return ["case": name, "passed": false, "detail": "\(error)"]
    }
}

let casesDir = URL(fileURLWithPath: arg("--cases"))
let vectorsDir = URL(fileURLWithPath: arg("--vectors"))
let mockBin = arg("--mock-bin")
let outFile = URL(fileURLWithPath: arg("--out"))
let files = ((try? FileManager.default.contentsOfDirectory(at: casesDir, includingPropertiesForKeys: nil)) ?? [])
    .filter { $0.pathExtension == "json" }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }

var results: [[String: Any]] = []
do {
    let mock = try MockProcess(binary: mockBin)
    for file in files { results.append(await runCase(file, vectorsDir, mock)) }
    mock.stop()
} catch {
    results = files.map { ["case": $0.deletingPathExtension().lastPathComponent, "passed": false, "detail": "runner could not start: \(error)"] }
}
try FileManager.default.createDirectory(at: outFile.deletingLastPathComponent(), withIntermediateDirectories: true)
try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted]).write(to: outFile)
