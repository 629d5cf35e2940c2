import Foundation

extension Client {
    /// Calls an endpoint the SDK does not wrap yet, with the same key,
    /// retries, rate limiter, errors, hooks and logs as every call, and
    /// returns the answer's JSON as Foundation values (`[String: Any]`,
    /// `[Any]`, `String`, `NSNumber`, or `NSNull` for an empty answer).
    ///
    /// ```swift
    /// let teams = try await client.request(method: "GET", path: "/api/v2/organization/teams")
    /// let page = try await client.request(method: "GET", path: "/api/v2/organization/models", query: ["limit": "5"])
    /// ```
    ///
    /// - Parameters:
    ///   - method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`. GET, PUT and
    ///     DELETE retry transient failures; POST and PATCH only when the
    ///     request provably was not processed.
    ///   - path: starts with `/`, under the base URL.
    ///   - body: any value `JSONSerialization` can write (dictionaries with
    ///     string keys, arrays, strings, numbers, booleans, `NSNull`), or nil.
    ///   - query: the query parameters.
    /// - Throws: `HeadshotProError.InvalidArgumentError` for a method the API
    ///   does not use, a path that is absolute or contains `..`, `?` or CR/LF,
    ///   or a body that cannot become JSON (nothing is sent);
    ///   `ResponseDecodeError` for an answer that is not JSON; any API or
    ///   connection error, as for every call.
    public func request(method: String, path: String, body: Any? = nil, query: [String: String] = [:]) async throws -> Any {
        let text = try body.map(JsonText.encode)
        let answer = try await requestJson(method: method, path: path, bodyJson: text, query: query)
        return try JsonText.decode(answer)
    }
}

/// JSON text to and from Foundation values, for `Client.request`.
enum JsonText {
    /// `value` as JSON text. `JSONSerialization` traps (instead of
    /// throwing) on values it cannot write, so they are checked first; the
    /// value is wrapped in an array so that bare strings and numbers pass.
    static func encode(_ value: Any) throws -> String {
        let wrapped: [Any] = [value]
        guard JSONSerialization.isValidJSONObject(wrapped),
              let data = try? JSONSerialization.data(withJSONObject: wrapped),
              let text = String(data: data, encoding: .utf8) else {
            throw HeadshotProError.InvalidArgumentError(
                message: "the request body is not JSON: a \(type(of: value)) cannot be written as JSON")
        }
        return String(text.dropFirst().dropLast())
    }

    /// The Foundation value of JSON text.
    static func decode(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
