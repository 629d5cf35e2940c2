import Foundation
import XCTest
import HeadshotPro

/// Every operation of the SPEC against the real mock.
final class OperationsTests: MockTestCase {
    func testOrganizationAndCredits() async throws {
        let client = try self.client()
        let org = try await client.organization().retrieve()
        XCTAssertFalse(org.uid.isEmpty)
        let credits = try await client.organization().credits()
        XCTAssertEqual(credits, 100)
        _ = try mock.setOrganization(update: MockOrganizationUpdate(credits: 7))
        let after = try await client.organization().credits()
        XCTAssertEqual(after, 7)
    }

    func testTeamsLifecycle() async throws {
        let client = try self.client()
        let created = try await client.teams().create(name: "Design")
        let team = try XCTUnwrap(created.teams.first { $0.name == "Design" })
        let renamed = try await client.teams().update(teamId: team.id, name: "Brand")
        XCTAssertEqual(renamed.teams.first { $0.id == team.id }?.name, "Brand")
        let invite = try await client.invites().create(email: "ada@example.com")
        _ = try mock.acceptInvite(inviteId: invite.id)
        let withMembers = try await client.teams().addMembers(teamId: team.id, emails: ["ada@example.com"])
        XCTAssertTrue(withMembers.teams.contains { $0.id == team.id })
        let deleted = try await client.teams().delete(teamId: team.id)
        XCTAssertFalse(deleted.teams.contains { $0.id == team.id })
    }

    func testInvitesLifecycle() async throws {
        let client = try self.client()
        let org = try await client.teams().create(name: "Ops")
        let teamId = try XCTUnwrap(org.teams.first?.id)
        let invite = try await client.invites().create(email: "ada@example.com", teamId: teamId)
        XCTAssertEqual(invite.email, "ada@example.com")
        XCTAssertEqual(invite.teamId, teamId)

        let listed = try await client.invites().list()
        let summary = try XCTUnwrap(listed.first { $0.id == invite.id })
        XCTAssertTrue(summary.valid)
        XCTAssertFalse(summary.used)
        XCTAssertLessThan(abs(summary.createdAt.timeIntervalSinceNow), 300)

        let pending = try await client.invites().retrieve(inviteId: invite.id)
        XCTAssertEqual(pending.status, .pendingInvite)
        _ = try mock.acceptInvite(inviteId: invite.id)
        let details = try await client.invites().retrieve(inviteId: invite.id)
        XCTAssertEqual(details.status, .waitingForUpload)
        XCTAssertEqual("\(details.status)", "waiting-for-upload")

        let second = try await client.invites().create(email: "grace@example.com")
        XCTAssertNil(second.teamId)
        try await client.invites().revoke(email: "grace@example.com")
        let revoked = try await client.invites().retrieve(inviteId: second.id)
        XCTAssertEqual(revoked.status, .revoked)
    }

    func testModelsLifecycleAndWait() async throws {
        let client = try self.client()
        let model = try await client.models().create(email: "ada@example.com", isDevelopment: true)
        XCTAssertEqual(model.status, .onboarding)
        XCTAssertTrue(model.isDevelopment)
        let again = try await client.models().retrieve(modelId: model.modelId)
        XCTAssertEqual(again.modelId, model.modelId)
        _ = try mock.completeOnboarding(modelId: model.modelId)
        let active = try await client.models().wait(modelId: model.modelId, until: .active, timeoutMs: 20_000)
        XCTAssertEqual(active.status, .active)
        let deleted = try await client.models().delete(modelId: model.modelId)
        XCTAssertEqual(deleted.modelId, model.modelId)
    }

    func testUserAgent() throws {
        let client = try self.client()
        XCTAssertEqual(client.baseUrl(), mock.url())
        XCTAssertTrue(client.userAgent().hasPrefix("headshotpro-swift/"))
        XCTAssertTrue(client.userAgent().contains(" core/"))
    }

    func testFiftyCallsAtOnce() async throws {
        let client = try self.client()
        let credits = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<50 {
                group.addTask { try await client.organization().credits() }
            }
            var all: [Int64] = []
            for try await value in group { all.append(value) }
            return all
        }
        XCTAssertEqual(credits, Array(repeating: 100, count: 50))
        XCTAssertEqual(mock.requests().count, 50)
    }
}
