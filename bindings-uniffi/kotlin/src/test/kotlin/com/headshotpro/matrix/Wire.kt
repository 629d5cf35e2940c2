package com.headshotpro.matrix

import com.headshotpro.types.LikedStatus
import com.headshotpro.types.MemberStatus
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.ModelVersion
import com.headshotpro.types.PhotoInclude
import com.headshotpro.types.PhotoStatus

/** The open enums from the wire strings cases give: a known value, else its `Unknown` case. */
object Wire {
    private fun <T> pick(wire: String, known: List<T>, unknown: (String) -> T): T =
        known.firstOrNull { it.toString() == wire } ?: unknown(wire)

    fun modelStatus(wire: String): ModelStatus = pick(
        wire,
        listOf(
            ModelStatus.Onboarding, ModelStatus.Waiting, ModelStatus.Pending, ModelStatus.GeneratingHeadshots,
            ModelStatus.Active, ModelStatus.Failed, ModelStatus.Deleted,
        ),
        ModelStatus::Unknown,
    )

    fun memberStatus(wire: String): MemberStatus =
        pick(wire, listOf(MemberStatus.Accepted, MemberStatus.Pending, MemberStatus.Finished), MemberStatus::Unknown)

    fun version(wire: String): ModelVersion =
        pick(wire, listOf(ModelVersion.Lora, ModelVersion.OneShot), ModelVersion::Unknown)

    fun photoStatus(wire: String): PhotoStatus =
        pick(wire, listOf(PhotoStatus.Active, PhotoStatus.Deleted), PhotoStatus::Unknown)

    fun likedStatus(wire: String): LikedStatus =
        pick(wire, listOf(LikedStatus.NotLiked, LikedStatus.Liked, LikedStatus.Loved), LikedStatus::Unknown)

    fun include(wire: String): PhotoInclude =
        pick(wire, listOf(PhotoInclude.Main, PhotoInclude.All), PhotoInclude::Unknown)
}
