/// `photos().save` with the progress as a closure.
extension PhotosApi {
    /// Downloads a model's photos into `directory`, calling `onProgress` once
    /// per photo as its download ends (on the thread driving the save: keep
    /// it quick). A photo that fails is in the report's `failed`.
    public func save(
        modelId: String,
        directory: String,
        options: SaveOptions? = nil,
        onProgress: @escaping @Sendable (SaveProgress) -> Void
    ) async throws -> SaveReport {
        try await save(modelId: modelId, directory: directory, options: options, progress: ProgressClosure(onProgress))
    }
}

/// A `SaveProgressListener` calling a closure.
private final class ProgressClosure: SaveProgressListener, @unchecked Sendable {
    private let report: @Sendable (SaveProgress) -> Void

    init(_ onProgress: @escaping @Sendable (SaveProgress) -> Void) {
        report = onProgress
    }

    func onProgress(progress: SaveProgress) throws {
        report(progress)
    }
}
