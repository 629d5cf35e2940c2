package com.example.headshots

import com.headshotpro.Client
import com.headshotpro.HeadshotProException
import com.headshotpro.listAll
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.MemberStatus
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList

/** What the application does with HeadshotPro: invite new hires, see who finished. */
class HeadshotService(private val client: Client) {
    /** Invites each new hire into [team] (created when missing); answers the invite id of each email. */
    suspend fun inviteNewHires(team: String, emails: List<String>): Map<String, String> {
        val teamId = client.teams().list().firstOrNull { it.name == team }?.id
            ?: client.teams().create(team).teams.first { it.name == team }.id
        return emails.associateWith { client.invites().create(it, teamId).id }
    }

    /** The emails of every member whose headshots are done, across all pages. */
    suspend fun finishedMembers(): List<String> =
        client.members().listAll(MemberListParams(status = MemberStatus.Finished, limit = 100)).map { it.email }.toList()

    /** The credits left, or null while HeadshotPro cannot answer (the app then shows "try later"). */
    suspend fun creditsOrNull(): Long? = try {
        client.organization().credits()
    } catch (e: HeadshotProException) {
        if (e.isConnectionError() || e is HeadshotProException.ServerException) null else throw e
    }
}
