//! An `.xls` workbook held to the limits before calamine reads it.
//!
//! calamine trusts an `.xls` file's compound-file header for the room it
//! reserves (a count of 4 billion sectors aborts the process) and lays
//! every sheet out as one rectangle from its first to its last cell, all
//! sheets at once. Here the container's counts are checked against the
//! file's size, and the cells of each sheet, read from the records of the
//! `Workbook` stream, must span no more than `max_cells` (summed over the
//! sheets, as calamine holds them all).

use crate::sheet::cell_name;
use vanban::limits::{exceeded_message, Limits};
use vanban_i18n::{msg, Message};

const END: u32 = 0xFFFF_FFFE;

/// Checks the compound file in `bytes` and the cells of its sheets.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<(), Message> {
    let stream = workbook_stream(bytes)?;
    check_cells(&stream, limits.max_cells)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A compound file whose structure is damaged.
fn damaged() -> Message {
    msg!("xls-damaged")
}

/// The `Workbook` (or BIFF5 `Book`) stream of the compound file.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Message> {
    let bad = damaged;
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || bytes.len() < 512 {
        return Err(msg!("xls-no-signature"));
    }
    let shift = u16_at(bytes, 0x1E).ok_or_else(bad)?;
    if shift != 9 && shift != 12 {
        return Err(bad());
    }
    let size = 1usize << shift;
    let sectors = bytes.len() / size + 1;
    // Counts calamine reserves room for (its DIFAT count is read at 62).
    for at in [0x2C, 62, 0x40, 0x48] {
        if u32_at(bytes, at).ok_or_else(bad)? as usize > sectors {
            return Err(bad());
        }
    }
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize + 1).checked_mul(size)?;
        bytes.get(start..start + size)
    };
    // The FAT: sector ids from the header's DIFAT, then the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
        .collect();
    let mut next = u32_at(bytes, 0x44).ok_or_else(bad)?;
    let mut hops = 0;
    while next < END {
        hops += 1;
        let s = sector(next).filter(|_| hops <= sectors).ok_or_else(bad)?;
        let ids: Vec<u32> = (0..size / 4).filter_map(|i| u32_at(s, 4 * i)).collect();
        let (last, rest) = ids.split_last().ok_or_else(bad)?;
        fat_sectors.extend(rest);
        next = *last;
    }
    let mut fat = Vec::new();
    for id in fat_sectors.into_iter().filter(|&id| id < END - 2) {
        let s = sector(id).ok_or_else(bad)?;
        fat.extend((0..size / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    // A chain of sectors, refused when it loops or leaves the file.
    let chain = |start: u32, table: &[u32], read: &dyn Fn(u32) -> Option<Vec<u8>>| {
        let mut out = Vec::new();
        let mut id = start;
        let mut hops = 0;
        while id < END - 2 {
            hops += 1;
            if hops > table.len() + 1 {
                return None;
            }
            out.extend(read(id)?);
            id = *table.get(id as usize)?;
        }
        Some(out)
    };
    let read_sector = |id: u32| sector(id).map(<[u8]>::to_vec);
    let directory =
        chain(u32_at(bytes, 0x30).ok_or_else(bad)?, &fat, &read_sector).ok_or_else(bad)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first().ok_or_else(bad)?;
    let name_of = |e: &[u8]| -> String {
        let len = (u16_at(e, 0x40).unwrap_or(0) as usize).min(64);
        let units: Vec<u16> = (0..len / 2)
            .filter_map(|i| u16_at(e, 2 * i))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let entry = entries
        .iter()
        .find(|e| e.get(0x42) == Some(&2) && matches!(name_of(e).as_str(), "Workbook" | "Book"))
        .ok_or_else(|| msg!("xls-no-workbook-stream"))?;
    let start = u32_at(entry, 0x74).ok_or_else(bad)?;
    let length = u32_at(entry, 0x78).ok_or_else(bad)? as usize;
    let cutoff = u32_at(bytes, 0x38).ok_or_else(bad)? as usize;
    let mut stream = if length < cutoff {
        // In the mini stream: 64-byte sectors inside the root's stream.
        let mini =
            chain(u32_at(root, 0x74).ok_or_else(bad)?, &fat, &read_sector).ok_or_else(bad)?;
        let minifat_bytes =
            chain(u32_at(bytes, 0x3C).ok_or_else(bad)?, &fat, &read_sector).ok_or_else(bad)?;
        let minifat: Vec<u32> = (0..minifat_bytes.len() / 4)
            .filter_map(|i| u32_at(&minifat_bytes, 4 * i))
            .collect();
        let read_mini = |id: u32| {
            let at = id as usize * 64;
            mini.get(at..at + 64).map(<[u8]>::to_vec)
        };
        chain(start, &minifat, &read_mini).ok_or_else(bad)?
    } else {
        chain(start, &fat, &read_sector).ok_or_else(bad)?
    };
    stream.truncate(length);
    Ok(stream)
}

/// Walks the BIFF records: each sheet's cells with content must span no
/// more than `max` cells, with every sheet's span counted together.
fn check_cells(stream: &[u8], max: u64) -> Result<(), Message> {
    let mut at = 0;
    let mut sheet = 0usize;
    let mut total = 0u64;
    let mut span: Option<(u16, u16, u16, u16)> = None;
    let mut close = |span: &mut Option<(u16, u16, u16, u16)>, sheet: usize| {
        if let Some((r0, r1, c0, c1)) = span.take() {
            let cells = (u64::from(r1) - u64::from(r0) + 1) * (u64::from(c1) - u64::from(c0) + 1);
            total += cells;
            if total > max {
                return Err(exceeded_message(
                    msg!(
                        "limit-xls-sheet-cells",
                        sheet = sheet,
                        from = cell_name(c0 as usize, r0 as usize + 1),
                        to = cell_name(c1 as usize, r1 as usize + 1),
                        cells = vanban_i18n::Arg::count(cells),
                        total = vanban_i18n::Arg::count(total)
                    ),
                    max,
                    "max-cells",
                ));
            }
        }
        Ok(())
    };
    while let (Some(kind), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        at += 4 + len as usize;
        let mut add = |row: u16, c0: u16, c1: u16| {
            span = Some(match span {
                None => (row, row, c0, c1),
                Some((a, b, c, d)) => (a.min(row), b.max(row), c.min(c0), d.max(c1)),
            });
        };
        match kind {
            // BOF: a new sheet (or the globals) begins.
            0x0809 => {
                close(&mut span, sheet)?;
                sheet += 1;
            }
            // NUMBER, LABEL, BOOLERR, RK, LABELSST, FORMULA.
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    add(row, col, col);
                }
            }
            // MULRK: a run of cells on one row.
            0x00BD if data.len() >= 6 => {
                if let (Some(row), Some(first), Some(last)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, data.len() - 2),
                ) {
                    add(row, first.min(last), first.max(last));
                }
            }
            _ => {}
        }
    }
    close(&mut span, sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0; 10]);
        record(0x0203, &data)
    }

    #[test]
    fn cells_far_apart_are_refused_by_their_span() {
        let mut stream = record(0x0809, &[0; 16]);
        stream.extend(record(0x0809, &[0; 16]));
        stream.extend(number(0, 0));
        stream.extend(number(65535, 255));
        let err = check_cells(&stream, 4_000_000).unwrap_err().english();
        assert!(
            err.contains("span A1:IV65536 (16777216 cells") && err.contains("--max-cells"),
            "{err}"
        );
        let mut near = record(0x0809, &[0; 16]);
        near.extend(number(0, 0));
        near.extend(number(9, 3));
        assert!(check_cells(&near, 40).is_ok());
        assert!(check_cells(&near, 39).is_err());
    }

    #[test]
    fn a_damaged_container_is_refused_not_trusted() {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.resize(1024, 0);
        bytes[0x1E] = 9;
        // Four billion FAT sectors declared in a 1 KB file.
        bytes[0x2C..0x30].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(check(&bytes, &Limits::default()).unwrap_err(), damaged());
        assert!(check(b"PK\x03\x04", &Limits::default()).is_err());
    }
}
