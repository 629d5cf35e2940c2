package com.headshotpro

import com.headshotpro.types.FavoriteListParams
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Member
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.ModelListParams
import com.headshotpro.types.ModelSummary
import com.headshotpro.types.Photo
import com.headshotpro.types.PhotoListParams
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

// The walks over every item of a list: a cold Flow per list, over the page
// objects' nextPage(). Nothing is fetched until the Flow is collected, each
// next page only when the collector has taken the items before it, and
// cancelling the collecting coroutine drops the pending request. Where a walk
// ends (hasMore false, an empty page, a repeated page) is the core's decision.

/**
 * Every item from the page [first] fetches to the end of the list: [items]
 * reads a page, [next] fetches the one after it. Each page's native object
 * is freed once the walk has moved past it.
 */
internal fun <P : AutoCloseable, T> walk(
    first: suspend () -> P,
    items: (P) -> List<T>,
    next: suspend (P) -> P?,
): Flow<T> = flow {
    var page: P? = first()
    while (page != null) {
        val current: P = page
        page = current.use {
            for (item in items(it)) emit(item)
            next(it)
        }
    }
}

/** Every member from `params.offset` on, page by page as the Flow is collected. */
fun MembersApi.listAll(params: MemberListParams = MemberListParams()): Flow<Member> =
    walk({ list(params) }, MemberPage::items, MemberPage::nextPage)

/** Every model from `params.offset` on, page by page as the Flow is collected. */
fun ModelsApi.listAll(params: ModelListParams = ModelListParams()): Flow<ModelSummary> =
    walk({ list(params) }, ModelSummaryPage::items, ModelSummaryPage::nextPage)

/** Every photo of a model from `params.offset` on, page by page as the Flow is collected. */
fun PhotosApi.listAll(modelId: String, params: PhotoListParams = PhotoListParams()): Flow<Photo> =
    walk({ list(modelId, params) }, PhotoPage::items, PhotoPage::nextPage)

/** Every member's favorite from `params.offset` on, page by page as the Flow is collected. */
fun PhotosApi.favoritesAll(params: FavoriteListParams = FavoriteListParams()): Flow<FavoritePhoto> =
    walk({ favorites(params) }, FavoritePhotoPage::items, FavoritePhotoPage::nextPage)
