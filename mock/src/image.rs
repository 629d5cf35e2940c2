//! Small, real, deterministic PNG images for the mock's photos: each photo id gives its
//! own palette and pattern, so every photo (and every size of it) has distinct bytes.

use sha2::{Digest, Sha256};

/// The sizes a photo is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The headshot itself (32×32).
    Main,
    /// A small preview (16×16).
    Thumbnail,
    /// The full-size original (64×64).
    Original,
}

impl Variant {
    /// Every variant.
    pub const ALL: [Variant; 3] = [Variant::Main, Variant::Thumbnail, Variant::Original];

    /// The name used in URLs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Main => "main",
            Self::Thumbnail => "thumbnail",
            Self::Original => "original",
        }
    }

    /// Reads a name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// The side of the square image in pixels.
    pub fn side(self) -> u32 {
        match self {
            Self::Main => 32,
            Self::Thumbnail => 16,
            Self::Original => 64,
        }
    }
}

/// The PNG bytes of a photo in one size: 8-bit indexed colour, 16 colours derived from
/// the id, a 4×4 block pattern with a diagonal stripe, and the id in a `tEXt` chunk.
pub fn png(photo_id: &str, variant: Variant) -> Vec<u8> {
    let seed: [u8; 32] = Sha256::digest(photo_id.as_bytes()).into();
    let side = variant.side();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();

    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&[8, 3, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);

    let palette: Vec<u8> = (0..16u8)
        .flat_map(|i| {
            let base = usize::from(i) * 2;
            let at = |k: usize| seed[(base + k) % seed.len()];
            [at(0), at(1) ^ i.wrapping_mul(16), at(2) ^ 0x5a]
        })
        .collect();
    chunk(&mut out, b"PLTE", &palette);

    let text = format!(
        "Comment\0headshotpro-mock photo {photo_id} {}",
        variant.as_str()
    );
    chunk(&mut out, b"tEXt", text.as_bytes());

    let block = (side / 4).max(1);
    let mut raw = Vec::with_capacity(((side + 1) * side) as usize);
    for y in 0..side {
        raw.push(0); // filter: none
        for x in 0..side {
            let cell = (y / block) * 4 + x / block;
            let index = if x == y || x + y + 1 == side {
                15
            } else {
                seed[(cell as usize) % seed.len()] % 15
            };
            raw.push(index);
        }
    }
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Appends one chunk: length, type, data, CRC of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = Crc32::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finish().to_be_bytes());
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(0xffff).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        let last = u8::from(blocks.peek().is_none());
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        out.push(last);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

/// CRC-32 (ISO-HDLC, as PNG uses).
struct Crc32(u32);

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

impl Crc32 {
    fn new() -> Self {
        Self(0xffff_ffff)
    }

    fn update(&mut self, data: &[u8]) {
        for &byte in data {
            self.0 = CRC_TABLE[((self.0 ^ u32::from(byte)) & 0xff) as usize] ^ (self.0 >> 8);
        }
    }

    fn finish(&self) -> u32 {
        self.0 ^ 0xffff_ffff
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_known_check_value() {
        let mut crc = Crc32::new();
        crc.update(b"123456789");
        assert_eq!(crc.finish(), 0xcbf4_3926);
    }

    #[test]
    fn images_are_pngs_of_the_right_size_and_differ_per_photo() {
        let a = png("a", Variant::Main);
        assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&a[16..24], &[0, 0, 0, 32, 0, 0, 0, 32]);
        assert_eq!(a, png("a", Variant::Main));
        assert_ne!(a, png("b", Variant::Main));
        assert!(png("a", Variant::Thumbnail).len() < a.len());
        assert!(png("a", Variant::Original).len() < 8 * 1024);
    }
}
