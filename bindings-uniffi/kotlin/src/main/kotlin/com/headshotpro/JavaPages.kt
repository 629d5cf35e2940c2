package com.headshotpro

import com.headshotpro.JavaCalls.async
import com.headshotpro.JavaCalls.blocking
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Member
import com.headshotpro.types.ModelSummary
import com.headshotpro.types.Photo
import java.util.Spliterator
import java.util.Spliterators
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.stream.Stream
import java.util.stream.StreamSupport

/**
 * One page of a list, for Java: its items and where it sits, the next page
 * (blocking or as a future), and every item from here to the end of the list
 * as an `Iterable` or a `Stream` that fetches each next page only when it is
 * reached.
 *
 * ```java
 * JavaPage<Member> page = client.members().list(new MemberListParams(null, 200L, null));
 * for (Member m : page.autoPagingIterable()) { ... }
 * ```
 *
 * The iterator and the stream cannot throw a checked exception: a failure
 * while fetching a page arrives as a [CompletionException] whose cause is the
 * [HeadshotProException], as from `CompletableFuture.join()`.
 */
class JavaPage<T> internal constructor(
    private val items: List<T>,
    private val total: Long,
    private val limit: Long,
    private val offset: Long,
    private val hasMore: Boolean,
    private val hasNextPage: Boolean,
    private val fetchNext: suspend () -> JavaPage<T>?,
) {
    /** The items of this page. */
    fun items(): List<T> = items

    /** How many items the whole list holds, as the server counted them. */
    fun total(): Long = total

    /** The page size. */
    fun limit(): Long = limit

    /** How many items come before this page. */
    fun offset(): Long = offset

    /** Whether the server says more items follow. */
    fun hasMore(): Boolean = hasMore

    /** Whether [nextPage] will fetch a page. */
    fun hasNextPage(): Boolean = hasNextPage

    /** The next page with the same filters, or null at the end of the list. */
    @Throws(HeadshotProException::class)
    fun nextPage(): JavaPage<T>? = blocking { fetchNext() }

    /** [nextPage] as a future. */
    fun nextPageAsync(): CompletableFuture<JavaPage<T>?> = async { fetchNext() }

    /** Every item from this page to the end of the list, fetched page by page. */
    fun autoPagingIterable(): Iterable<T> = Iterable { AutoPager(this) }

    /** Every item from this page to the end of the list, fetched page by page (sequential). */
    fun autoPagingStream(): Stream<T> =
        StreamSupport.stream(Spliterators.spliteratorUnknownSize(AutoPager(this), Spliterator.ORDERED), false)

    override fun toString(): String =
        "JavaPage(items=${items.size}, total=$total, limit=$limit, offset=$offset, hasMore=$hasMore)"
}

/** Walks the items of [first] and of every page after it. */
private class AutoPager<T>(first: JavaPage<T>) : Iterator<T> {
    private var page: JavaPage<T>? = first
    private var index = 0

    override fun hasNext(): Boolean {
        while (true) {
            val current = page ?: return false
            if (index < current.items().size) return true
            page = try {
                current.nextPage()
            } catch (e: HeadshotProException) {
                throw CompletionException(e)
            }
            index = 0
        }
    }

    override fun next(): T {
        if (!hasNext()) throw NoSuchElementException("no more items")
        return requireNotNull(page).items()[index++]
    }
}

/** A Java page over a native page, which it keeps until it is collected. */
private fun <P, T> javaPage(page: P, items: List<T>, meta: PageMeta, next: suspend (P) -> P?, wrap: (P) -> JavaPage<T>) =
    JavaPage(items, meta.total, meta.limit, meta.offset, meta.hasMore, meta.hasNextPage) { next(page)?.let(wrap) }

/** Where a native page sits. */
private class PageMeta(val total: Long, val limit: Long, val offset: Long, val hasMore: Boolean, val hasNextPage: Boolean)

internal fun MemberPage.java(): JavaPage<Member> =
    javaPage(this, items(), PageMeta(total(), limit(), offset(), hasMore(), hasNextPage()), MemberPage::nextPage) { it.java() }

internal fun ModelSummaryPage.java(): JavaPage<ModelSummary> =
    javaPage(this, items(), PageMeta(total(), limit(), offset(), hasMore(), hasNextPage()), ModelSummaryPage::nextPage) { it.java() }

internal fun PhotoPage.java(): JavaPage<Photo> =
    javaPage(this, items(), PageMeta(total(), limit(), offset(), hasMore(), hasNextPage()), PhotoPage::nextPage) { it.java() }

internal fun FavoritePhotoPage.java(): JavaPage<FavoritePhoto> =
    javaPage(this, items(), PageMeta(total(), limit(), offset(), hasMore(), hasNextPage()), FavoritePhotoPage::nextPage) { it.java() }
