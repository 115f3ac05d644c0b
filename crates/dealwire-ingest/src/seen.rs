//! The ids a run has seen, each with a fingerprint of its content, in bounded
//! memory.
//!
//! Up to a limit, entries live in a hash map. Past it, the map is sorted and
//! written to a run file in a spill folder, and only a blocked Bloom filter
//! (about 10 bits per id) and a sparse index (one key per block of 256 ids)
//! stay in memory, about 1.3 bytes per spilled id. A lookup that the filters
//! let through reads one block from one file. When eight runs of one level
//! pile up they are merged into one run of the next level, so a lookup tests
//! a few filters however long the job.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// An article id as the set keys it: 128 bits of its SHA-256, so that every
/// entry has the same size whatever the id's length.
pub(crate) type IdKey = u128;

/// The key of an article id.
pub(crate) fn id_key(id: &str) -> IdKey {
    let d = Sha256::digest(id.as_bytes());
    let mut k = [0u8; 16];
    k.copy_from_slice(&d[..16]);
    u128::from_le_bytes(k)
}

/// What the set keeps of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The first 64 bits of the content's SHA-256: enough to tell a changed
    /// text from a repeat.
    pub(crate) content: u64,
    /// Whether an earlier run wrote it (so a repeat is skipped, not counted
    /// as a duplicate of this run).
    pub(crate) earlier_run: bool,
}

/// Entries the in-memory map holds before it spills: 7/8 of 2^18 buckets,
/// the most hashbrown fills before it doubles, so the map never grows past
/// 2^18 buckets of 33 bytes (about 8.3 MiB), and a spill sorts 7 MiB.
pub const DEFAULT_MEMORY_ENTRIES: usize = (1 << 18) / 8 * 7;

/// Runs of one level that are merged into one run of the next level.
const FAN_IN: usize = 8;
/// Bytes of one entry in a run file: key, content fingerprint, flag.
const RECORD: usize = 25;
/// Entries per block: the sparse index keeps the first key of each.
const BLOCK: usize = 256;
/// Bloom filter bits per entry; with 7 probes in one 512-bit block, about 1
/// to 2 lookups in 100 of absent ids read a block for nothing.
const BLOOM_BITS_PER_ENTRY: usize = 10;

/// The set of article ids seen so far, earlier runs' included.
///
/// [`SeenIds::in_memory`] never spills (for small inputs and tests);
/// [`SeenIds::spilling`] keeps at most a fixed number of entries in memory
/// and writes the rest to a folder of its own, which it removes when dropped.
#[derive(Debug)]
pub struct SeenIds {
    mem: HashMap<IdKey, Entry>,
    limit: usize,
    dir: Option<PathBuf>,
    /// Oldest first; a newer run's entry shadows an older one's.
    runs: Vec<Run>,
    next_file: u64,
    block: Vec<u8>,
}

impl Default for SeenIds {
    fn default() -> Self {
        Self::in_memory()
    }
}

impl SeenIds {
    /// A set that keeps everything in memory (about 32 to 64 bytes per id).
    pub fn in_memory() -> Self {
        Self {
            mem: HashMap::new(),
            limit: usize::MAX,
            dir: None,
            runs: Vec::new(),
            next_file: 0,
            block: Vec::new(),
        }
    }

    /// A set that holds at most `memory_entries` ids in memory and spills
    /// the rest to `dir`, which it creates, empties of earlier spill files
    /// (a crashed run leaves some), and removes when dropped.
    ///
    /// # Errors
    /// When the folder cannot be created or cleared.
    pub fn spilling(dir: PathBuf, memory_entries: usize) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if is_spill_file(&path) {
                std::fs::remove_file(&path)?;
            }
        }
        let mut set = Self::in_memory();
        set.limit = memory_entries.max(1);
        set.dir = Some(dir);
        Ok(set)
    }

    /// Entries in the set. An id added again after it was spilled counts
    /// twice until its runs are merged.
    pub fn len(&self) -> u64 {
        self.mem.len() as u64 + self.runs.iter().map(|r| r.len).sum::<u64>()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Run files on disk now.
    pub fn spilled_runs(&self) -> usize {
        self.runs.len()
    }

    /// Adds an article that an earlier run wrote, with the lower-case hex
    /// SHA-256 of its text as the output stores it. A later call for the same
    /// id wins. Returns false, adding nothing, when `content_sha256` is not
    /// 64 hex digits.
    ///
    /// # Errors
    /// When spilling to disk fails.
    pub fn add_done(&mut self, id: &str, content_sha256: &str) -> std::io::Result<bool> {
        let Some(content) = parse_hex32(content_sha256) else {
            return Ok(false);
        };
        let entry = Entry {
            content: fingerprint(&content),
            earlier_run: true,
        };
        self.insert(id_key(id), entry)?;
        Ok(true)
    }

    /// The entry of `key`, the newest when it was added more than once.
    pub(crate) fn get(&mut self, key: IdKey) -> std::io::Result<Option<Entry>> {
        if let Some(e) = self.mem.get(&key) {
            return Ok(Some(*e));
        }
        for run in self.runs.iter().rev() {
            if let Some(e) = run.get(key, &mut self.block)? {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    /// Adds or replaces the entry of `key`, spilling when memory is full.
    pub(crate) fn insert(&mut self, key: IdKey, entry: Entry) -> std::io::Result<()> {
        self.mem.insert(key, entry);
        if self.mem.len() >= self.limit {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> std::io::Result<()> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        let mut entries: Vec<(IdKey, Entry)> = self.mem.drain().collect();
        entries.sort_unstable_by_key(|&(k, _)| k);
        let path = self.next_path(&dir);
        let run = Run::write(path, 0, entries.len() as u64, entries.into_iter().map(Ok))?;
        self.runs.push(run);
        self.compact(&dir)
    }

    /// Merges the runs of any level that has [`FAN_IN`] of them. Runs are
    /// kept oldest first, and a level's runs are always the newest ones of
    /// their level, so they sit next to each other at the end.
    fn compact(&mut self, dir: &Path) -> std::io::Result<()> {
        loop {
            let Some(level) = self.runs.last().map(|r| r.level) else {
                return Ok(());
            };
            let same = self
                .runs
                .iter()
                .rev()
                .take_while(|r| r.level == level)
                .count();
            if same < FAN_IN {
                return Ok(());
            }
            let merged = self.runs.split_off(self.runs.len() - same);
            let path = self.next_path(dir);
            let total = merged.iter().map(|r| r.len).sum();
            let run = Run::write(path, level + 1, total, merge(&merged)?)?;
            for old in merged {
                old.remove();
            }
            self.runs.push(run);
        }
    }

    fn next_path(&mut self, dir: &Path) -> PathBuf {
        self.next_file += 1;
        dir.join(format!("seen-{:06}.run", self.next_file))
    }
}

impl Drop for SeenIds {
    fn drop(&mut self) {
        for run in self.runs.drain(..) {
            run.remove();
        }
        if let Some(dir) = &self.dir {
            // Only an empty folder goes: whatever else is in it is not ours.
            let _ = std::fs::remove_dir(dir);
        }
    }
}

fn is_spill_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("seen-") && n.ends_with(".run"))
}

/// The first 64 bits of a content hash.
pub(crate) fn fingerprint(content: &[u8; 32]) -> u64 {
    let mut head = [0u8; 8];
    head.copy_from_slice(&content[..8]);
    u64::from_le_bytes(head)
}

fn parse_hex32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in b.chunks_exact(2).enumerate() {
        let hi = char::from(pair[0]).to_digit(16)?;
        let lo = char::from(pair[1]).to_digit(16)?;
        out[i] = u8::try_from(hi * 16 + lo).ok()?;
    }
    Some(out)
}

/// One sorted run file and what stays in memory to search it.
#[derive(Debug)]
struct Run {
    path: PathBuf,
    file: File,
    len: u64,
    level: u32,
    bloom: Bloom,
    /// The first key of each block of [`BLOCK`] entries.
    index: Vec<IdKey>,
}

impl Run {
    /// Writes `len` entries, sorted by key with no key twice, to `path`.
    fn write(
        path: PathBuf,
        level: u32,
        len: u64,
        entries: impl Iterator<Item = std::io::Result<(IdKey, Entry)>>,
    ) -> std::io::Result<Self> {
        // Opened to read as well: lookups read blocks through the same handle.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        let mut out = BufWriter::new(file);
        let mut bloom = Bloom::new(len);
        let mut index = Vec::new();
        let mut written = 0u64;
        for item in entries {
            let (key, entry) = item?;
            if written % BLOCK as u64 == 0 {
                index.push(key);
            }
            bloom.add(key);
            out.write_all(&encode(key, entry))?;
            written += 1;
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_data()?;
        Ok(Self {
            path,
            file,
            len: written,
            level,
            bloom,
            index,
        })
    }

    fn get(&self, key: IdKey, block: &mut Vec<u8>) -> std::io::Result<Option<Entry>> {
        if !self.bloom.may_contain(key) {
            return Ok(None);
        }
        let Some(b) = self.index.partition_point(|&k| k <= key).checked_sub(1) else {
            return Ok(None);
        };
        let first = (b * BLOCK) as u64;
        let count = (self.len - first).min(BLOCK as u64) as usize;
        block.resize(count * RECORD, 0);
        // `&File` reads and seeks, so a shared run serves lookups.
        let mut file = &self.file;
        file.seek(SeekFrom::Start(first * RECORD as u64))?;
        file.read_exact(block)?;
        // Binary search over the block's records in place.
        let record = |i: usize| decode(&block[i * RECORD..(i + 1) * RECORD]);
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if record(mid).0 < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok((lo < count && record(lo).0 == key).then(|| record(lo).1))
    }

    fn remove(self) {
        let Self { path, file, .. } = self;
        drop(file);
        let _ = std::fs::remove_file(path);
    }
}

fn encode(key: IdKey, entry: Entry) -> [u8; RECORD] {
    let mut r = [0u8; RECORD];
    r[..16].copy_from_slice(&key.to_le_bytes());
    r[16..24].copy_from_slice(&entry.content.to_le_bytes());
    r[24] = u8::from(entry.earlier_run);
    r
}

/// Reads a record; `r` holds at least [`RECORD`] bytes.
fn decode(r: &[u8]) -> (IdKey, Entry) {
    let mut key = [0u8; 16];
    let mut content = [0u8; 8];
    key.copy_from_slice(&r[..16]);
    content.copy_from_slice(&r[16..24]);
    let entry = Entry {
        content: u64::from_le_bytes(content),
        earlier_run: r[24] != 0,
    };
    (u128::from_le_bytes(key), entry)
}

/// The entries of `runs` (oldest first) in key order, a key in several runs
/// given once with the newest run's entry.
fn merge(runs: &[Run]) -> std::io::Result<impl Iterator<Item = std::io::Result<(IdKey, Entry)>>> {
    let mut readers = Vec::with_capacity(runs.len());
    for run in runs {
        readers.push(RunReader {
            input: BufReader::with_capacity(64 * 1024, File::open(&run.path)?),
            left: run.len,
        });
    }
    let mut heads = Vec::with_capacity(readers.len());
    for r in &mut readers {
        heads.push(r.next_record()?);
    }
    Ok(Merge { readers, heads })
}

struct RunReader {
    input: BufReader<File>,
    left: u64,
}

impl RunReader {
    fn next_record(&mut self) -> std::io::Result<Option<(IdKey, Entry)>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let mut r = [0u8; RECORD];
        self.input.read_exact(&mut r)?;
        Ok(Some(decode(&r)))
    }
}

/// A k-way merge over at most [`FAN_IN`] runs: a linear scan of the heads
/// costs less than a heap at that size.
struct Merge {
    readers: Vec<RunReader>,
    heads: Vec<Option<(IdKey, Entry)>>,
}

impl Iterator for Merge {
    type Item = std::io::Result<(IdKey, Entry)>;

    fn next(&mut self) -> Option<Self::Item> {
        let key = self.heads.iter().flatten().map(|&(k, _)| k).min()?;
        let mut entry = None;
        // Every run holding the key moves on; the newest (last) run's entry wins.
        for (head, reader) in self.heads.iter_mut().zip(&mut self.readers) {
            if let Some((k, e)) = *head {
                if k == key {
                    entry = Some(e);
                    match reader.next_record() {
                        Ok(next) => *head = next,
                        Err(err) => return Some(Err(err)),
                    }
                }
            }
        }
        entry.map(|e| Ok((key, e)))
    }
}

/// A blocked Bloom filter: the probes of one key all fall in one 512-bit
/// block, so a lookup touches one cache line.
#[derive(Debug)]
struct Bloom {
    blocks: Vec<[u64; 8]>,
}

impl Bloom {
    fn new(entries: u64) -> Self {
        let bits = usize::try_from(entries)
            .unwrap_or(usize::MAX)
            .saturating_mul(BLOOM_BITS_PER_ENTRY);
        Self {
            blocks: vec![[0; 8]; bits.div_ceil(512).max(1)],
        }
    }

    /// The block and the 7 bit positions (9 bits each) of a key. The key is
    /// a slice of a SHA-256, so its bits are already well mixed.
    fn probes(&self, key: IdKey) -> (usize, [usize; 7]) {
        let low = key as u64;
        let high = (key >> 64) as u64;
        let n = self.blocks.len() as u128;
        let block = ((u128::from(low) * n) >> 64) as usize;
        (
            block,
            std::array::from_fn(|i| ((high >> (9 * i)) & 511) as usize),
        )
    }

    fn add(&mut self, key: IdKey) {
        let (b, bits) = self.probes(key);
        if let Some(block) = self.blocks.get_mut(b) {
            for bit in bits {
                block[bit / 64] |= 1 << (bit % 64);
            }
        }
    }

    fn may_contain(&self, key: IdKey) -> bool {
        let (b, bits) = self.probes(key);
        self.blocks.get(b).is_some_and(|block| {
            bits.iter()
                .all(|&bit| block[bit / 64] & (1 << (bit % 64)) != 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(content: u64, earlier_run: bool) -> Entry {
        Entry {
            content,
            earlier_run,
        }
    }

    #[test]
    fn in_memory_set_finds_what_it_holds() {
        let mut s = SeenIds::in_memory();
        s.insert(id_key("a"), entry(1, false)).unwrap();
        assert_eq!(s.get(id_key("a")).unwrap(), Some(entry(1, false)));
        assert_eq!(s.get(id_key("b")).unwrap(), None);
        assert_eq!(s.spilled_runs(), 0);
    }

    #[test]
    fn spilled_entries_are_found_and_absent_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = SeenIds::spilling(dir.path().join("seen"), 100).unwrap();
        for i in 0..1_000u64 {
            s.insert(id_key(&format!("id-{i}")), entry(i, i % 3 == 0))
                .unwrap();
        }
        assert_eq!(
            s.spilled_runs(),
            3,
            "ten runs of 100, the first eight merged"
        );
        assert_eq!(s.len(), 1_000);
        for i in 0..1_000u64 {
            assert_eq!(
                s.get(id_key(&format!("id-{i}"))).unwrap(),
                Some(entry(i, i % 3 == 0)),
                "id-{i}"
            );
        }
        for i in 1_000..2_000u64 {
            assert_eq!(s.get(id_key(&format!("id-{i}"))).unwrap(), None);
        }
    }

    #[test]
    fn a_newer_entry_shadows_an_older_one_also_after_a_merge() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = SeenIds::spilling(dir.path().to_path_buf(), 10).unwrap();
        s.insert(id_key("x"), entry(1, true)).unwrap();
        for i in 0..9 {
            s.insert(id_key(&format!("f{i}")), entry(0, true)).unwrap();
        }
        assert_eq!(s.spilled_runs(), 1);
        s.insert(id_key("x"), entry(2, true)).unwrap();
        assert_eq!(
            s.get(id_key("x")).unwrap(),
            Some(entry(2, true)),
            "in memory"
        );
        for i in 0..9 {
            s.insert(id_key(&format!("h{i}")), entry(0, true)).unwrap();
        }
        assert_eq!(s.spilled_runs(), 2);
        assert_eq!(
            s.get(id_key("x")).unwrap(),
            Some(entry(2, true)),
            "newest run"
        );
        for i in 0..200 {
            s.insert(id_key(&format!("g{i}")), entry(0, false)).unwrap();
        }
        assert!(s.runs.iter().any(|r| r.level > 0), "runs were merged");
        assert_eq!(s.get(id_key("x")).unwrap(), Some(entry(2, true)));
    }

    #[test]
    fn spill_files_go_with_the_set_and_stale_ones_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let spill = dir.path().join("seen");
        std::fs::create_dir_all(&spill).unwrap();
        std::fs::write(spill.join("seen-000009.run"), b"left by a crash").unwrap();
        let mut s = SeenIds::spilling(spill.clone(), 4).unwrap();
        assert!(!spill.join("seen-000009.run").exists());
        for i in 0..10 {
            s.insert(id_key(&i.to_string()), entry(i, false)).unwrap();
        }
        assert_eq!(std::fs::read_dir(&spill).unwrap().count(), 2);
        drop(s);
        assert!(!spill.exists());
    }

    #[test]
    fn done_articles_need_a_hex_hash() {
        let mut s = SeenIds::in_memory();
        assert!(!s.add_done("a", "not a hash").unwrap());
        assert!(!s.add_done("a", &"g".repeat(64)).unwrap());
        let hash = format!("{}{}", "0102030405060708", "0".repeat(48));
        assert!(s.add_done("a", &hash).unwrap());
        assert_eq!(
            s.get(id_key("a")).unwrap(),
            Some(entry(0x0807_0605_0403_0201, true))
        );
    }

    #[test]
    fn the_bloom_filter_has_no_false_negatives_and_few_false_positives() {
        let mut bloom = Bloom::new(10_000);
        for i in 0..10_000 {
            bloom.add(id_key(&format!("in-{i}")));
        }
        assert!((0..10_000).all(|i| bloom.may_contain(id_key(&format!("in-{i}")))));
        let false_hits = (0..10_000)
            .filter(|i| bloom.may_contain(id_key(&format!("out-{i}"))))
            .count();
        assert!(false_hits < 300, "{false_hits} false hits in 10,000");
    }
}
