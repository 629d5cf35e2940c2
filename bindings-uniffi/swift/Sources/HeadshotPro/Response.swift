import Foundation

/// A call's data with the facts of the answer it received, from
/// `Client.withResponse`: the HTTP status, every header (names in lower
/// case, repeated ones joined with `", "`) and the `X-RateLimit-*` headers.
///
/// For a call that made several requests (a `models().wait`, a create
/// settled by a lookup, a retried call) they describe the last answer.
public struct Response<T> {
    /// The parsed result, as the call alone returns it.
    public let data: T
    /// The HTTP status.
    public let status: Int
    /// Every header of the answer.
    public let headers: [String: String]
    /// Its `X-RateLimit-*` headers (fields nil when absent).
    public let rateLimit: RateLimitInfo
    /// The operation that sent the request, e.g. `models.retrieve`.
    public let operation: String
    /// The HTTP method.
    public let method: String
    /// The path under the base URL, without the query.
    public let path: String
    /// Which attempt got this answer (1 unless retried).
    public let attempt: Int
    /// How long that attempt took, in seconds.
    public let elapsed: TimeInterval

    /// The server's request id (`X-Request-Id`), when it sends one.
    public var requestId: String? { headers["x-request-id"] }

    init(data: T, meta: ResponseMeta) {
        self.data = data
        status = Int(meta.status)
        headers = meta.headers
        rateLimit = meta.rateLimit
        operation = meta.operation
        method = meta.method
        path = meta.path
        attempt = Int(meta.attempt)
        elapsed = meta.elapsed
    }
}

extension Client {
    /// Runs `call` on a client that records its answers and returns the
    /// call's result with the status, headers and rate limit of the last
    /// answer it received: one generic form for every operation.
    ///
    /// ```swift
    /// let answer = try await client.withResponse { try await $0.models().retrieve(modelId: "m_1") }
    /// print(answer.status, answer.rateLimit.remaining ?? -1)
    /// let model = answer.data
    /// ```
    ///
    /// A failed call throws its `HeadshotProError` as usual (an API error
    /// carries its status and rate limit in `apiDetails()`). Make the calls
    /// through the client `call` receives; a `call` that sends nothing
    /// throws `HeadshotProError.InvalidArgumentError`. Per-call options go
    /// first: `try client.withOptions(options: …).withResponse { … }`.
    public func withResponse<T>(_ call: (Client) async throws -> T) async throws -> Response<T> {
        let capturing = capturing()
        let data = try await call(capturing.client())
        guard let meta = capturing.lastResponse() else {
            throw HeadshotProError.InvalidArgumentError(message: "withResponse: the call finished without receiving an answer")
        }
        return Response(data: data, meta: meta)
    }
}
