import Foundation
import XCTest
import HeadshotPro

/// Webhook parsing and verification, including forgeries.
final class WebhookTests: XCTestCase {
    let secret = "whsec_test_secret"
    let body = Data(#"{"id":"evt_1","event":"model.status.updated","createdAt":"2024-01-15T10:30:00.000Z","objectType":"model","object":{"_id":"m1","uid":"u1","title":"Ada","trigger":"female","status":"active","isDevelopment":true,"createdAt":"2024-01-15T10:00:00.000Z","organization":"org1"}}"#.utf8)

    func headers(_ raw: Data, at: Int64 = Int64(Date().timeIntervalSince1970), key: String? = nil) -> [String: String] {
        ["X-HeadshotPro-Signature": signWebhook(rawBody: raw, secret: key ?? secret, timestamp: at),
         "X-HeadshotPro-Timestamp": String(at)]
    }

    func assertRejected(_ block: () throws -> WebhookEvent, line: UInt = #line) {
        XCTAssertThrowsError(try block(), line: line) { error in
            guard case HeadshotProError.WebhookVerificationError = error else {
                return XCTFail("\(error)", line: line)
            }
        }
    }

    func testParsesTypedEvent() throws {
        let event = try parseWebhook(rawBody: body)
        XCTAssertEqual(event.id, "evt_1")
        XCTAssertEqual(event.event, .modelStatusUpdated)
        XCTAssertEqual(event.createdAt, ISO8601DateFormatter().date(from: "2024-01-15T10:30:00Z"))
        XCTAssertEqual(event.object.id, "m1")
        XCTAssertEqual(event.object.status, .active)
        XCTAssertNil(event.object.finishedAt)
    }

    func testKeepsUnknownValues() throws {
        let raw = String(decoding: body, as: UTF8.self)
            .replacingOccurrences(of: "model.status.updated", with: "model.renamed")
            .replacingOccurrences(of: "\"active\"", with: "\"retraining\"")
        let event = try parseWebhook(rawBody: Data(raw.utf8))
        XCTAssertEqual(event.event, .unknown("model.renamed"))
        XCTAssertEqual("\(event.object.status)", "retraining")
    }

    func testVerifiesGenuineSignature() throws {
        XCTAssertEqual(try verifyWebhook(rawBody: body, headers: headers(body), secret: secret).id, "evt_1")
        let lower = Dictionary(uniqueKeysWithValues: headers(body).map { ($0.key.lowercased(), $0.value) })
        XCTAssertEqual(try verifyWebhook(rawBody: body, headers: lower, secret: secret, toleranceSec: 60).id, "evt_1")
    }

    func testRejectsForgeries() {
        let tampered = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"m1\"", with: "\"m2\"").utf8)
        assertRejected { try verifyWebhook(rawBody: tampered, headers: headers(body), secret: secret) }
        assertRejected { try verifyWebhook(rawBody: body, headers: headers(body, key: "another"), secret: secret) }
        assertRejected { try verifyWebhook(rawBody: body, headers: [:], secret: secret) }
        assertRejected { try verifyWebhook(rawBody: body, headers: headers(body, at: Int64(Date().timeIntervalSince1970) - 3600), secret: secret) }
        var bad = headers(body)
        bad["X-HeadshotPro-Signature"] = "sha256=00"
        assertRejected { try verifyWebhook(rawBody: body, headers: bad, secret: secret) }
        assertRejected { try parseWebhook(rawBody: Data(#"{"event":"model.created"}"#.utf8)) }
    }

    func testAFavoriteCarriesItsPhotoId() throws {
        let raw = String(decoding: body, as: UTF8.self)
            .replacingOccurrences(of: "\"event\":\"model.status.updated\"", with: "\"event\":\"model.favorite_selected\",\"photoId\":\"p1\"")
        let event = try parseWebhook(rawBody: Data(raw.utf8))
        XCTAssertEqual(event.event, .modelFavoriteSelected)
        XCTAssertEqual(event.photoId, "p1")
    }
}
