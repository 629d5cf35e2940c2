// The walks over every item of a list: an AsyncSequence per list, over the
// page objects' nextPage(). Nothing is fetched until iteration starts, each
// next page only when the items before it are used up, and cancelling the
// iterating Task drops the pending request (it throws CancellationError).
// Where a walk ends (hasMore false, an empty page, a repeated page) is the
// core's decision.

/// A page of one of the API's lists, as the walks see it: its items and the
/// page after it. `MemberPage`, `ModelSummaryPage`, `PhotoPage` and
/// `FavoritePhotoPage` are pages.
public protocol HeadshotProPage: AnyObject, Sendable {
    /// What the list holds.
    associatedtype Item
    /// The type of the next page: the same as this one.
    associatedtype NextPage: HeadshotProPage where NextPage.Item == Item
    /// The items of this page.
    func items() -> [Item]
    /// The next page, or nil at the end of the list.
    func nextPage() async throws -> NextPage?
}

extension MemberPage: HeadshotProPage {}
extension ModelSummaryPage: HeadshotProPage {}
extension PhotoPage: HeadshotProPage {}
extension FavoritePhotoPage: HeadshotProPage {}

/// Every item of a list from its first page on, fetched page by page as the
/// sequence is iterated: `for try await member in client.members().listAll()`.
/// A failure ends the iteration with that error.
public struct PageSequence<Page: HeadshotProPage>: AsyncSequence, Sendable where Page.NextPage == Page {
    public typealias Element = Page.Item

    private let first: @Sendable () async throws -> Page

    /// A walk from the page `first` fetches.
    public init(first: @escaping @Sendable () async throws -> Page) {
        self.first = first
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(first: first)
    }

    /// Hands out one page's items, then fetches the next page.
    public struct Iterator: AsyncIteratorProtocol {
        private var first: (@Sendable () async throws -> Page)?
        private var page: Page?
        private var items: [Page.Item] = []
        private var index = 0
        private var finished = false

        init(first: @escaping @Sendable () async throws -> Page) {
            self.first = first
        }

        public mutating func next() async throws -> Page.Item? {
            while !finished {
                if index < items.count {
                    index += 1
                    return items[index - 1]
                }
                let fetched: Page?
                do {
                    if let first {
                        self.first = nil
                        fetched = try await first()
                    } else {
                        fetched = try await page?.nextPage()
                    }
                } catch {
                    finished = true
                    throw error
                }
                guard let fetched else {
                    finished = true
                    break
                }
                page = fetched
                items = fetched.items()
                index = 0
            }
            return nil
        }
    }
}

extension MembersApi {
    /// Every member from `params.offset` on, page by page as it is iterated.
    public func listAll(params: MemberListParams = MemberListParams()) -> PageSequence<MemberPage> {
        PageSequence { try await self.list(params: params) }
    }
}

extension ModelsApi {
    /// Every model from `params.offset` on, page by page as it is iterated.
    public func listAll(params: ModelListParams = ModelListParams()) -> PageSequence<ModelSummaryPage> {
        PageSequence { try await self.list(params: params) }
    }
}

extension PhotosApi {
    /// Every photo of a model from `params.offset` on, page by page as it is iterated.
    public func listAll(modelId: String, params: PhotoListParams = PhotoListParams()) -> PageSequence<PhotoPage> {
        PageSequence { try await self.list(modelId: modelId, params: params) }
    }

    /// Every member's favorite from `params.offset` on, page by page as it is iterated.
    public func favoritesAll(params: FavoriteListParams = FavoriteListParams()) -> PageSequence<FavoritePhotoPage> {
        PageSequence { try await self.favorites(params: params) }
    }
}
