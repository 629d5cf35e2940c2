/// `createMany` with the progress as a closure.
extension InvitesApi {
    /// Invites every email and returns one result per input, in input
    /// order, calling `onProgress` once per input as it settles (on the
    /// thread driving the sends: keep it quick).
    ///
    /// ```swift
    /// let results = try await client.invites().createMany(emails: emails, teamId: "team_1") { p in
    ///     print("\(p.completed)/\(p.total) \(p.result.email): \(p.result.outcome)")
    /// }
    /// ```
    ///
    /// - Throws: `HeadshotProError.InvalidArgumentError` for a concurrency
    ///   outside 1...32 or a blank team id; per-email failures are results.
    public func createMany(
        emails: [String],
        teamId: String? = nil,
        concurrency: Int64? = nil,
        onProgress: @escaping @Sendable (BulkProgress) -> Void
    ) async throws -> [BulkInviteResult] {
        try await createMany(emails: emails, teamId: teamId, concurrency: concurrency,
                             onProgress: BulkProgressClosure(onProgress))
    }
}

/// A `BulkProgressListener` calling a closure.
private final class BulkProgressClosure: BulkProgressListener, @unchecked Sendable {
    private let report: @Sendable (BulkProgress) -> Void

    init(_ onProgress: @escaping @Sendable (BulkProgress) -> Void) {
        report = onProgress
    }

    func onProgress(progress: BulkProgress) throws {
        report(progress)
    }
}
