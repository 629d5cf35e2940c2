'use strict'
// Pages of the current API's lists, as openai-node has them: a list call
// returns a PagePromise, which `await` turns into a Page and `for await`
// walks item by item across pages, fetching each next page only when the
// walk reaches it. When a next page exists, and fetching it, is the core's
// call (`Page::has_next_page`, `Page::next_page`, which also refuses a
// server that repeats a page); this file only exposes it to JS.

const { APIPromise } = require('./api-promise.js')
const { invoke } = require('./call.js')
const { HeadshotProError } = require('./errors.js')

/** One page of a list: `data` (also `items`), `total`, `limit`, `offset`, `hasMore`. */
class Page {
  #cursor
  #present
  #options
  /**
   * @param native the native page record (`items`, page fields, `next` cursor)
   * @param present how an item is shown to JS (identity when undefined)
   * @param options the request options (`{ signal }`) next pages are fetched with
   */
  constructor(native, present, options) {
    this.data = present === undefined ? native.items : native.items.map(present)
    this.total = native.total
    this.limit = native.limit
    this.offset = native.offset
    this.hasMore = native.hasMore
    this.#cursor = native.next ?? undefined
    this.#present = present
    this.#options = options
  }

  /** The items of this page (the same array as `data`). */
  get items() {
    return this.data
  }

  /**
   * The page as the SDK's JSON, the same in every language:
   * `{ items, pagination: { total, limit, offset, hasMore } }`.
   */
  toJSON() {
    return { items: this.data, pagination: { total: this.total, limit: this.limit, offset: this.offset, hasMore: this.hasMore } }
  }

  /** Whether `getNextPage()` will fetch a page: the server said more follow and this page was not empty. */
  hasNextPage() {
    return this.#cursor !== undefined
  }

  /** The page after this one; `options` default to the list call's (`{ signal }`). */
  async getNextPage(options = this.#options) {
    const cursor = this.#cursor
    if (cursor === undefined) {
      throw new HeadshotProError('no next page: check page.hasNextPage() before calling page.getNextPage()')
    }
    const next = await invoke(options, (token) => cursor.fetch(token))
    if (next === null) throw new HeadshotProError('no next page: the list ended')
    return new Page(next, this.#present, this.#options)
  }

  /** This page, then each following page, fetched as the loop asks for it. */
  async *iterPages() {
    let page = this
    yield page
    while (page.hasNextPage()) {
      page = await page.getNextPage()
      yield page
    }
  }

  /** Every item from this page to the end of the list. */
  async *[Symbol.asyncIterator]() {
    for await (const page of this.iterPages()) yield* page.data
  }
}

/**
 * The promise of a list call's first page (a real Promise, with
 * `.withResponse()`) that `for await` also walks, item by item, across
 * every page.
 */
class PagePromise extends APIPromise {
  /** Every item of the list, from the first page on. */
  async *[Symbol.asyncIterator]() {
    yield* await this
  }
}

/**
 * A PagePromise of the native page `fetchFirst(capture)` resolves with (as
 * `{ data, response }`), its items shown with `present`.
 */
function pagePromise(fetchFirst, present, options) {
  return new PagePromise(async (capture) => {
    const { data, response } = await fetchFirst(capture)
    return { data: new Page(data, present, options), response }
  })
}

module.exports = { Page, PagePromise, pagePromise }
