//! File names for downloaded photos: the photo id, sanitised, plus an
//! extension from the content type, else the URL, else the file's first bytes.

/// Longest stem kept from a photo id.
const MAX_STEM: usize = 100;

/// Names Windows reserves whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The photo id as a file stem that stays inside the directory on every
/// platform: ASCII letters, digits, `-`, `_` and inner dots only, no leading
/// dot, at most 100 characters, never a reserved device name, never empty.
pub(crate) fn stem(photo_id: &str) -> String {
    let mut stem: String = photo_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    stem = stem
        .trim_start_matches('.')
        .trim_end_matches('.')
        .to_owned();
    stem.truncate(MAX_STEM);
    if stem.is_empty() {
        return "photo".to_owned();
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&stem)) {
        stem.insert(0, '_');
    }
    stem
}

/// The extension for a `Content-Type`, when it names an image type.
pub(crate) fn from_content_type(content_type: &str) -> Option<&'static str> {
    let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
    Some(match essence.as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "image/avif" => "avif",
        "image/gif" => "gif",
        "image/heic" => "heic",
        "image/heif" => "heif",
        "image/tiff" => "tiff",
        _ => return None,
    })
}

/// The extension of the URL path's last segment: 1 to 5 ASCII letters or
/// digits, lower-cased (`jpeg` as `jpg`).
pub(crate) fn from_url_path(path: &str) -> Option<String> {
    let last = path.rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    if ext.is_empty() || ext.len() > 5 || !ext.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let ext = ext.to_ascii_lowercase();
    Some(if ext == "jpeg" { "jpg".to_owned() } else { ext })
}

/// The extension an image's first bytes give away, else `bin`.
pub(crate) fn from_magic(head: &[u8]) -> &'static str {
    match head {
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [0x89, b'P', b'N', b'G', ..] => "png",
        [b'G', b'I', b'F', b'8', ..] => "gif",
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => "webp",
        [_, _, _, _, b'f', b't', b'y', b'p', b'a', b'v', b'i', b'f', ..] => "avif",
        [_, _, _, _, b'f', b't', b'y', b'p', b'h', b'e', b'i', b'c', ..] => "heic",
        _ => "bin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_stay_in_the_directory() {
        assert_eq!(stem("p_1-A.b"), "p_1-A.b");
        assert_eq!(stem("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(stem(".."), "photo");
        assert_eq!(stem("a/b\\c:d"), "a_b_c_d");
        assert_eq!(stem("ünï"), "_n_");
        assert_eq!(stem("nul"), "_nul");
        assert_eq!(stem(&"x".repeat(500)).len(), MAX_STEM);
        assert_eq!(stem(""), "photo");
    }

    #[test]
    fn extensions() {
        assert_eq!(from_content_type("image/jpeg; charset=binary"), Some("jpg"));
        assert_eq!(from_content_type("IMAGE/PNG"), Some("png"));
        assert_eq!(from_content_type("application/octet-stream"), None);
        assert_eq!(from_url_path("/cdn/p1.JPEG").as_deref(), Some("jpg"));
        assert_eq!(from_url_path("/cdn/p1.png").as_deref(), Some("png"));
        assert_eq!(from_url_path("/cdn/p1").as_deref(), None);
        assert_eq!(from_url_path("/cdn.v2/p1").as_deref(), None);
        assert_eq!(from_url_path("/cdn/p1.x%2F").as_deref(), None);
        assert_eq!(from_magic(&[0x89, b'P', b'N', b'G', 13, 10]), "png");
        assert_eq!(from_magic(&[0xFF, 0xD8, 0xFF, 0xE0]), "jpg");
        assert_eq!(from_magic(b"hello"), "bin");
    }
}
