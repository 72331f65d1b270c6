//! The region catalog, embedded at build time from `data/regions.json`
//! (a copy of `shared/spec/regions.json`; a test keeps the two equal).

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CatalogRegion {
    pub code: String,
    pub name: String,
    /// Enabled by default (`ENABLED_BY_DEFAULT`), as opposed to opt-in.
    pub default: bool,
}

#[derive(Deserialize)]
struct CatalogFile {
    regions: Vec<CatalogRegion>,
}

pub const CATALOG_JSON: &str = include_str!("../data/regions.json");

/// Every region, sorted by code as ListRegions returns them.
pub fn regions() -> &'static [CatalogRegion] {
    static CATALOG: OnceLock<Vec<CatalogRegion>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut file: CatalogFile =
            serde_json::from_str(CATALOG_JSON).expect("embedded regions.json is valid");
        file.regions.sort_by(|a, b| a.code.cmp(&b.code));
        file.regions
    })
}

pub fn find(code: &str) -> Option<&'static CatalogRegion> {
    let all = regions();
    all.binary_search_by(|r| r.code.as_str().cmp(code))
        .ok()
        .map(|i| &all[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_has_34_regions_half_of_them_opt_in() {
        assert_eq!(regions().len(), 34);
        assert_eq!(regions().iter().filter(|r| !r.default).count(), 17);
        assert_eq!(find("af-south-1").unwrap().name, "Africa (Cape Town)");
        assert!(find("us-east-1").unwrap().default);
        assert!(find("mars-north-1").is_none());
    }

    #[test]
    fn embedded_catalog_equals_the_shared_spec() {
        let spec = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/spec/regions.json"
        ))
        .expect("shared/spec/regions.json lies beside the project");
        let spec: serde_json::Value = serde_json::from_str(&spec).unwrap();
        let ours: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
        assert_eq!(spec, ours);
    }
}
