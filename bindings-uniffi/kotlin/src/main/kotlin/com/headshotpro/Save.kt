package com.headshotpro

/**
 * [PhotosApi.save] with the progress as a lambda:
 * `client.photos().save(modelId, "headshots/") { p -> println("${p.completed}/${p.total}") }`.
 * [onProgress] runs once per photo as its download ends, on the thread
 * driving the save; whatever it throws is ignored (the download goes on).
 */
suspend fun PhotosApi.save(
    modelId: String,
    directory: String,
    options: SaveOptions = SaveOptions(),
    onProgress: (SaveProgress) -> Unit,
): SaveReport = save(modelId, directory, options, ProgressLambda(onProgress))

/** A [SaveProgressListener] calling a lambda. */
internal class ProgressLambda(private val onProgress: (SaveProgress) -> Unit) : SaveProgressListener {
    override fun onProgress(progress: SaveProgress) = onProgress.invoke(progress)
}
