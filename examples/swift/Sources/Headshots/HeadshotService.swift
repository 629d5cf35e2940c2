import Foundation
import HeadshotPro

/// What the application does with HeadshotPro: invite new hires, see who
/// finished, and react to webhooks.
public struct HeadshotService: Sendable {
    let client: Client

    public init(client: Client) {
        self.client = client
    }

    /// Invites each new hire into `team` (created when missing); answers the invite id of each email.
    public func inviteNewHires(team: String, emails: [String]) async throws -> [String: String] {
        var teamId = try await client.teams().list().first { $0.name == team }?.id
        if teamId == nil {
            teamId = try await client.teams().create(name: team).teams.first { $0.name == team }?.id
        }
        var invites: [String: String] = [:]
        for email in emails {
            invites[email] = try await client.invites().create(email: email, teamId: teamId).id
        }
        return invites
    }

    /// The emails of every member whose headshots are done, across all pages.
    public func finishedMembers() async throws -> [String] {
        var emails: [String] = []
        for try await member in client.members().listAll(params: MemberListParams(status: .finished, limit: 100)) {
            emails.append(member.email)
        }
        return emails
    }

    /// The credits left, or nil while HeadshotPro cannot answer.
    public func creditsOrNil() async throws -> Int64? {
        do {
            return try await client.organization().credits()
        } catch let error as HeadshotProError where error.isConnectionError() || error.className() == "ServerError" {
            return nil
        }
    }
}

/// The application's webhook endpoint logic: the HTTP status to answer, and
/// the favorite it learned of, if any.
public func handleWebhook(body: [UInt8], headers: [String: String], secret: String) -> (status: Int, favorite: String?) {
    guard let event = try? verifyWebhook(rawBody: Data(body), headers: headers, secret: secret) else {
        return (400, nil)
    }
    return (204, event.event == .modelFavoriteSelected ? event.photoId : nil)
}

