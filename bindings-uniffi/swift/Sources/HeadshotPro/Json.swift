// Every data type as the API's JSON and back (camelCase names, ISO 8601 UTC
// timestamps, unknown enum values as sent), one line each over the core's
// to_json/from_json: `try model.toJson()`, `try Model.fromJson(text)`.
// uniffi records cannot conform to Codable without hand-written coding keys
// for every field, so the JSON text is the exchange format: decode it with
// JSONSerialization or JSONDecoder into your own types. `fromJson` throws
// HeadshotProError.InvalidArgumentError for text that is not JSON or does
// not fit the type.

extension Organization {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try organizationToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Organization { try organizationFromJson(json: json) }
}

extension Team {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try teamToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Team { try teamFromJson(json: json) }
}

extension Invite {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try inviteToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Invite { try inviteFromJson(json: json) }
}

extension InviteSummary {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try inviteSummaryToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> InviteSummary { try inviteSummaryFromJson(json: json) }
}

extension InviteDetails {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try inviteDetailsToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> InviteDetails { try inviteDetailsFromJson(json: json) }
}

extension InviteV2 {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try inviteV2ToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> InviteV2 { try inviteV2FromJson(json: json) }
}

extension Model {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try modelToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Model { try modelFromJson(json: json) }
}

extension DeletedModel {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try deletedModelToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> DeletedModel { try deletedModelFromJson(json: json) }
}

extension Member {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try memberToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Member { try memberFromJson(json: json) }
}

extension ModelSummary {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try modelSummaryToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> ModelSummary { try modelSummaryFromJson(json: json) }
}

extension Photo {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try photoToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> Photo { try photoFromJson(json: json) }
}

extension FavoritePhoto {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try favoritePhotoToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> FavoritePhoto { try favoritePhotoFromJson(json: json) }
}

extension DownloadLinks {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try downloadLinksToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> DownloadLinks { try downloadLinksFromJson(json: json) }
}

extension WebhookEvent {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try webhookEventToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> WebhookEvent { try webhookEventFromJson(json: json) }
}

extension RateLimitInfo {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try rateLimitInfoToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> RateLimitInfo { try rateLimitInfoFromJson(json: json) }
}

extension ResponseMeta {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try responseMetaToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> ResponseMeta { try responseMetaFromJson(json: json) }
}

extension LogRecord {
    /// This value as the API's JSON text.
    public func toJson() throws -> String { try logRecordToJson(value: self) }
    /// A value read back from the API's JSON text.
    public static func fromJson(_ json: String) throws -> LogRecord { try logRecordFromJson(json: json) }
}
