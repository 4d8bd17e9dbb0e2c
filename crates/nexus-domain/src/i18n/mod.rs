//! The one string catalog: every sentence, label and name the console shows
//! (and the domain's reasons and validation messages), in English and German.
//!
//! A [`Catalog`] has one field per message: `&'static str` for fixed text,
//! `fn(..) -> String` for text with values (counts, names) and plurals. `EN`
//! and `DE` are statics of that struct, so a message missing in one language
//! is a compile error. Domain functions that speak take `t: &Catalog`; the
//! stand-in passes [`EN`] (its problems are English), the console the
//! catalog of its locale ([`Locale::catalog`]).
//!
//! Adding a message: a field in the area's struct below, then its text in
//! `en.rs` and `de.rs` (the compiler names both), then `t.area.field` where it
//! is shown.

mod de;
mod en;
mod format;

pub use de::DE;
pub use en::EN;
pub use format::{group, tenths, CivilTime};

/// A language the console speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    /// A BCP 47 tag by its primary language ("de-AT" → German); `None` for a
    /// language without a catalog or an empty tag.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else if primary.eq_ignore_ascii_case("de") {
            Some(Locale::De)
        } else {
            None
        }
    }

    /// The locale for a console: the first of `chosen` that is set decides
    /// (the host's option or element `lang`, then config.json, then the
    /// page's `<html lang>`), a language without a catalog meaning English;
    /// with none set, the first of the browser's `preferred` languages that
    /// has a catalog; else English.
    pub fn choose<'a>(
        chosen: impl IntoIterator<Item = Option<&'a str>>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Locale {
        let set = |t: &&str| !t.trim().is_empty();
        if let Some(tag) = chosen.into_iter().flatten().find(set) {
            return Locale::parse(tag).unwrap_or_default();
        }
        preferred
            .into_iter()
            .find_map(Locale::parse)
            .unwrap_or_default()
    }

    /// Its catalog.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Locale::En => &EN,
            Locale::De => &DE,
        }
    }
}

/// Every message, by area.
pub struct Catalog {
    /// The `lang` attribute value.
    pub tag: &'static str,
    /// Between groups of three digits ("10,000" / "10.000").
    pub thousands: char,
    /// Before the tenths ("2.5" / "2,5").
    pub decimal: char,
    /// A date and time of day as people of this language write it.
    pub datetime: fn(&CivilTime) -> String,
    pub types: Types,
    pub fields: Fields,
    pub rules: Rules,
    pub access: Access,
    pub problems: Problems,
    pub list: List,
    pub bulk: Bulk,
    pub import: Import,
    pub common: Common,
    pub shell: Shell,
    pub detail: Detail,
    pub form: Form,
    pub create: Create,
    pub edit: Edit,
    pub sign_in: SignIn,
    pub api: Api,
    pub config: ConfigText,
}

impl Catalog {
    /// A count with this language's thousands separator.
    pub fn num(&self, n: usize) -> String {
        group(n as u64, self.thousands)
    }
}

/// Client types and authentication methods.
pub struct Types {
    pub regular_web: &'static str,
    pub spa: &'static str,
    pub native: &'static str,
    pub non_interactive: &'static str,
    pub regular_web_why: &'static str,
    pub spa_why: &'static str,
    pub native_why: &'static str,
    pub non_interactive_why: &'static str,
    pub other_why: &'static str,
    pub auth_none: &'static str,
    pub auth_post: &'static str,
    pub auth_basic: &'static str,
    pub auth_private_key_jwt: &'static str,
    pub rotate_private_key_jwt: &'static str,
    pub rotate_public: &'static str,
    pub unnamed: &'static str,
}

/// What a form shows for one field.
pub struct FieldText {
    pub label: &'static str,
    pub hint: &'static str,
    /// The example in an empty input ("" for none).
    pub placeholder: &'static str,
}

/// Every field of the create and edit forms (`crate::Field`).
pub struct Fields {
    pub name: FieldText,
    pub app_type: FieldText,
    pub description: FieldText,
    pub logo_uri: FieldText,
    pub initiate_login_uri: FieldText,
    pub grant_types: FieldText,
    pub callback_urls: FieldText,
    pub cors_origins: FieldText,
    pub web_origins: FieldText,
    pub logout_urls: FieldText,
    pub owners: FieldText,
    pub product_name: FieldText,
    pub application_name: FieldText,
    pub client_upn_key: FieldText,
    pub ios_team_id: FieldText,
    pub ios_bundle_id: FieldText,
    pub android_keystore_hash: FieldText,
    pub android_package_name: FieldText,
    pub metadata: FieldText,
}

/// Validation messages (`validation`, `url_rules`).
pub struct Rules {
    pub name_empty: &'static str,
    /// (max, this one's length)
    pub name_too_long: fn(usize, usize) -> String,
    pub name_angle: &'static str,
    pub url_twice: &'static str,
    /// (max, this one's length)
    pub metadata_too_long: fn(usize, usize) -> String,
    pub owner_blank: &'static str,
    pub owner_comma: &'static str,
    pub owner_twice: &'static str,
    pub no_spaces: &'static str,
    pub at_most: fn(usize) -> String,
    pub choose_type: &'static str,
    pub choose_known_type: &'static str,
    /// (max, this one's length)
    pub too_long: fn(usize, usize) -> String,
    pub unknown_grant: fn(&str) -> String,
    pub too_many_metadata: fn(usize) -> String,
    pub url_empty: &'static str,
    pub url_spaces: &'static str,
    /// The code point, as "U+200B".
    pub url_invisible: fn(&str) -> String,
    pub wildcard_not_here: &'static str,
    pub url_no_scheme: &'static str,
    pub wildcard_subdomain: &'static str,
    pub wildcard_one: &'static str,
    pub wildcard_registrable: &'static str,
    pub url_unparsable: fn(&str) -> String,
    pub initiate_https: &'static str,
    pub logo_https: &'static str,
    pub origin_http: &'static str,
    pub scheme_not_redirect: fn(&str) -> String,
    pub https_only_localhost: &'static str,
    pub no_host: &'static str,
    pub url_invalid: &'static str,
    pub redirect_fragment: &'static str,
    pub origin_only: &'static str,
    pub url_userinfo: &'static str,
    pub logo_host_bad: fn(&str) -> String,
}

/// `permissions::decide`'s reasons.
pub struct Access {
    pub none: &'static str,
    pub op_read: &'static str,
    pub op_create: &'static str,
    pub op_edit: &'static str,
    pub op_rotate: &'static str,
    pub op_delete: &'static str,
    /// (granted)
    pub read_needs: fn(&str) -> String,
    /// (granted)
    pub create_needs: fn(&str) -> String,
    /// (operation, granted)
    pub op_needs: fn(&str, &str) -> String,
    pub who_user: fn(&str) -> String,
    /// (user, roles)
    pub who_user_roles: fn(&str, &str) -> String,
    pub who_roles: fn(&str) -> String,
    pub who_you: &'static str,
    /// (product, your products)
    pub product_out: fn(&str, &str) -> String,
    pub no_product: &'static str,
    /// (operation, who, owners, product part)
    pub not_in_scope: fn(&str, &str, &str, &str) -> String,
}

/// Problems the console words itself, and the retry advice.
pub struct Problems {
    pub status_title: fn(u16) -> &'static str,
    pub invalid_json: &'static str,
    /// (" („title“)" or "")
    pub html_page: fn(&str) -> String,
    pub item: fn(usize) -> String,
    pub seconds: fn(u64) -> String,
    pub minutes: fn(u64) -> String,
    pub hours: fn(u64) -> String,
    pub retry_now: &'static str,
    pub retry_later: &'static str,
    pub retry_in: fn(&str) -> String,
    pub network_title: &'static str,
    pub check_connection: &'static str,
    pub retry_safe: &'static str,
    pub timeout_title: &'static str,
    /// (seconds)
    pub timeout_detail: fn(u32) -> String,
    pub not_sent_title: &'static str,
    pub decode_title: &'static str,
    pub maybe_created: &'static str,
    pub maybe_rotated: &'static str,
    pub maybe_deleted: &'static str,
    pub likely_created: &'static str,
    pub likely_rotated: &'static str,
    pub likely_deleted: &'static str,
    pub likely_saved: &'static str,
}

/// The client list: sorting, counts, paging.
pub struct List {
    pub sort_name: &'static str,
    pub sort_type: &'static str,
    pub sort_id: &'static str,
    pub sort_product: &'static str,
    pub sort_managed: &'static str,
    /// (matching, all): "1 client", "10,000 clients", "3 of 36 clients match"
    pub count: fn(&Catalog, usize, usize) -> String,
    pub stop_foreign: fn(&str) -> String,
    pub stop_unusable: &'static str,
    pub stop_repeated: &'static str,
    pub stop_pages: fn(&str) -> String,
    pub stop_items: fn(&str) -> String,
    pub stop_failed: fn(&str) -> String,
    /// (got, total)
    pub sent_of: fn(&str, &str) -> String,
    pub sent_more: fn(&str) -> String,
    /// (sent, why)
    pub partial: fn(&str, &str) -> String,
    pub title: &'static str,
    pub new_client: &'static str,
    pub loading: &'static str,
    pub none_readable: &'static str,
    pub none_yet: &'static str,
    pub none_yet_text: &'static str,
    pub read_only_all: &'static str,
    pub export_all: &'static str,
    pub export_some: fn(&str) -> String,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub no_match: &'static str,
    pub no_match_text: &'static str,
    pub clear_filters: &'static str,
    pub try_again: &'static str,
    pub skipped: fn(&str, usize) -> String,
    pub all_types: &'static str,
    pub anyone: &'static str,
    pub manual: &'static str,
    pub terraform: &'static str,
    pub me: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub type_filter: &'static str,
    pub managed_filter: &'static str,
    pub editable_filter: &'static str,
    pub sort_by: &'static str,
    pub sort_desc: &'static str,
    pub sort_asc: &'static str,
    pub keys_with_pick: &'static str,
    pub keys: &'static str,
    pub table: &'static str,
    pub select_page: &'static str,
    pub copy_id_of: fn(&str) -> String,
    pub select: fn(&str) -> String,
    pub read_only: &'static str,
    pub first_page: &'static str,
    pub previous_page: &'static str,
    pub page: &'static str,
    pub of_pages: fn(&str) -> String,
    pub next_page: &'static str,
    pub last_page: &'static str,
    pub pages_above: &'static str,
    pub pages: &'static str,
    pub rows_per_page: &'static str,
}

/// Select many, act once.
pub struct Bulk {
    /// (done, attempted)
    pub done_of: fn(&str, &str) -> String,
    pub failed: fn(&str) -> String,
    pub cancelled: fn(&str) -> String,
    pub skipped: fn(&str) -> String,
    pub already_owner: fn(&str) -> String,
    pub not_owner: fn(&str) -> String,
    pub select_first: &'static str,
    pub under_way: &'static str,
    pub none_changeable: fn(&str, &str) -> String,
    pub delete_n: fn(&str) -> String,
    pub add_owner_to: fn(&str, &str) -> String,
    pub remove_owner_from: fn(&str, &str) -> String,
    pub nothing_to_send: &'static str,
    pub not_in_run: &'static str,
    pub n_selected: fn(&str) -> String,
    pub may_not_change: fn(&str) -> String,
    pub why_each: &'static str,
    pub owner_label: &'static str,
    pub owner_hint: &'static str,
    pub delete_selected: &'static str,
    pub add_owner: &'static str,
    pub remove_owner: &'static str,
    pub selection: &'static str,
    pub none_selected: &'static str,
    pub selected: fn(&str) -> String,
    pub select_all_matching: fn(&str) -> String,
    pub clear_selection: &'static str,
    pub delete_q: fn(&str) -> String,
    pub delete_typed: fn(&str) -> String,
    pub add_owner_title: &'static str,
    pub add_to: fn(&str) -> String,
    pub remove_owner_title: &'static str,
    pub remove_from: fn(&str) -> String,
    pub not_in_list: &'static str,
    pub import_n: fn(&str) -> String,
    pub import_summary: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    pub create_clients: &'static str,
    pub not_valid: &'static str,
    pub secrets_not_copied: &'static str,
    /// The status while the bulk results' code is fetched.
    pub loading_results: &'static str,
    /// The title when the bulk results' code could not be fetched (the run goes on).
    pub results_load_failed: &'static str,
    pub run_not_finished: &'static str,
    pub group_title: fn(&str, &str) -> String,
    pub send_not_started: &'static str,
    pub retry_failed: &'static str,
    pub retry_both: &'static str,
    pub cancelling: &'static str,
    pub finished: fn(&str) -> String,
    pub cancel: &'static str,
    pub close_results: &'static str,
    pub secrets_issued: &'static str,
    pub copy_each: &'static str,
    pub secret_issued: fn(&str) -> String,
    pub copy_secret_of: fn(&str) -> String,
    pub g_failed: &'static str,
    pub g_skipped: &'static str,
    pub g_cancelled: &'static str,
    pub g_done: &'static str,
    pub o_done: &'static str,
    pub o_waiting: &'static str,
    pub o_cancelled: &'static str,
    pub o_skipped: fn(&str) -> String,
    pub o_failed: fn(&str) -> String,
    pub error: &'static str,
    pub trace: fn(&str) -> String,
    pub not_valid_skipped: fn(&str) -> String,
}

/// Creating from JSON.
pub struct Import {
    pub invalid_json: fn(&str) -> String,
    pub one_not_list: &'static str,
    pub not_a_list: &'static str,
    pub empty: &'static str,
    pub item: fn(usize) -> String,
    pub not_object: &'static str,
    pub is_list: &'static str,
    pub not_client: &'static str,
    pub copy_of: fn(&str) -> String,
}

/// Words many views share.
pub struct Common {
    /// (seconds, days with one decimal)
    pub lifetime_days: fn(i64, &str) -> String,
    /// (seconds, hours with one decimal)
    pub lifetime_hours: fn(i64, &str) -> String,
    pub lifetime_seconds: fn(i64) -> String,
    pub unsaved: &'static str,
    pub something_went_wrong: &'static str,
    pub the_details: &'static str,
    pub this_message: &'static str,
    pub the_trace_id: &'static str,
    pub field_errors: &'static str,
    pub item_of: fn(&str, usize) -> String,
    pub trace_id: &'static str,
    pub copy_trace_id: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub copied_status: &'static str,
    pub no_clipboard: &'static str,
    pub clipboard_refused: &'static str,
    pub no_window: &'static str,
    pub file_unreadable: &'static str,
    pub client_secret: &'static str,
    pub hidden: fn(&str) -> String,
    pub hide_secret: &'static str,
    pub reveal_secret: &'static str,
    pub copy_client_secret: &'static str,
    pub type_to_confirm: fn(&str) -> String,
    pub cannot_be_undone: &'static str,
    pub cancel: &'static str,
    pub working: &'static str,
    pub show_all: fn(&str, &str) -> String,
    pub show_less: fn(&str) -> String,
    pub logo_not_loaded: fn(&str) -> String,
    pub load_logo: &'static str,
    pub logo_failed: &'static str,
    pub download: fn(&str) -> String,
    pub copy_what: fn(&str) -> String,
    pub or_choose_file: &'static str,
}

/// The console's frame: loading, header, not found, configuration errors.
pub struct Shell {
    pub loading_console: &'static str,
    /// A page whose code is still on its way (a wasm chunk).
    pub loading_page: &'static str,
    pub page_load_failed: &'static str,
    pub page_load_failed_detail: &'static str,
    /// A feature's code (a wasm chunk) did not arrive.
    pub chunk_failed: &'static str,
    pub skip: &'static str,
    pub brand: &'static str,
    pub tenant: &'static str,
    pub signed_in_as: &'static str,
    pub signed_in: &'static str,
    pub no_permissions: &'static str,
    pub permissions_unknown: &'static str,
    pub session_until: fn(&str) -> String,
    pub sign_out: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_to_list: &'static str,
    pub embedding_invalid: &'static str,
    pub base_path_required: &'static str,
    pub config_intro: &'static str,
    pub fatal_title: &'static str,
    pub fatal_text: &'static str,
    pub reload: &'static str,
}

/// The detail page.
pub struct Detail {
    pub not_set: &'static str,
    pub enabled: &'static str,
    pub disabled: &'static str,
    pub rotating_question: &'static str,
    pub failed_after_leaving: fn(&str, &str, &str) -> String,
    pub only_rotators_see: fn(&str) -> String,
    pub rotated: &'static str,
    pub rotated_after_leaving: fn(&str) -> String,
    pub rotating_of: &'static str,
    pub deleted: fn(&str) -> String,
    pub deleting: &'static str,
    pub breadcrumb: &'static str,
    pub clients: &'static str,
    pub terraform_managed: &'static str,
    pub edit: &'static str,
    pub duplicate: &'static str,
    pub rotate_secret: &'static str,
    pub delete: &'static str,
    pub terraform_strong: &'static str,
    pub terraform_warning: &'static str,
    pub new_secret: &'static str,
    pub copy_now: &'static str,
    pub copy_new_secret: &'static str,
    pub basics: &'static str,
    pub client_id: &'static str,
    pub copy_client_id: &'static str,
    pub client_secret: &'static str,
    pub public_no_secret: &'static str,
    pub type_: &'static str,
    pub auth_method: &'static str,
    pub managed_by: &'static str,
    pub terraform: &'static str,
    pub manual: &'static str,
    pub manual_unstated: &'static str,
    pub app_uris: &'static str,
    pub cross_origin: &'static str,
    pub grant_types: &'static str,
    pub tokens: &'static str,
    pub id_token_lifetime: &'static str,
    pub refresh_rotation: &'static str,
    pub reuse_interval: &'static str,
    pub absolute_expiration: &'static str,
    pub absolute_lifetime: &'static str,
    pub inactivity_expiration: &'static str,
    pub inactivity_lifetime: &'static str,
    pub mobile: &'static str,
    pub metadata: &'static str,
    pub export: &'static str,
    pub export_hint: &'static str,
    pub rotate_title: &'static str,
    pub rotate_pkj: &'static str,
    pub rotate_text: &'static str,
    pub delete_title: &'static str,
    pub delete_client: &'static str,
    pub delete_text: &'static str,
}

/// The create and edit forms, and the list editor.
pub struct Form {
    pub edit_all: fn(&str, &str) -> String,
    pub char_count: fn(&str, usize) -> String,
    pub item: fn(&str, usize) -> String,
    pub remove_item: fn(&str, usize) -> String,
    pub remove: &'static str,
    pub add_to: fn(&str) -> String,
    pub paste_into: fn(&str) -> String,
    pub add: &'static str,
    pub paste_several: &'static str,
    pub paste_how: fn(&str) -> String,
    pub add_these: &'static str,
    pub loading_client: &'static str,
    pub no_such_client: &'static str,
    pub try_again: &'static str,
    pub back_to_list: &'static str,
    pub none_yet: &'static str,
}

/// The create page.
pub struct Create {
    pub secret_not_copied: &'static str,
    pub copy_of_note: fn(&str) -> String,
    pub filled: &'static str,
    pub not_carried: fn(&str) -> String,
    pub new_client: &'static str,
    pub created: fn(&str) -> String,
    pub client_id: &'static str,
    pub description_sent: fn(&str) -> String,
    pub secret_once: &'static str,
    pub public_no_secret: &'static str,
    pub no_secret_returned: &'static str,
    pub copied_open: &'static str,
    pub fix_problems: fn(&str) -> String,
    pub duplicate_failed: &'static str,
    pub import_summary: &'static str,
    pub client_json: &'static str,
    pub import_hint: &'static str,
    pub fill_form: &'static str,
    pub app_uris: &'static str,
    pub ownership: &'static str,
    pub mobile: &'static str,
    pub unmanageable: &'static str,
    pub unmanageable_fix: &'static str,
    pub submit: &'static str,
    pub creating: &'static str,
    pub cancel: &'static str,
}

/// The edit page.
pub struct Edit {
    pub edit: &'static str,
    pub cannot_edit: fn(&str) -> String,
    pub view_client: &'static str,
    pub none: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub kept: &'static str,
    pub nothing_changed: &'static str,
    pub fix_first: fn(&str) -> String,
    pub saved_typed: &'static str,
    pub saved: &'static str,
    pub title: fn(&str) -> String,
    pub terraform_warning: &'static str,
    pub review_title: &'static str,
    pub field: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub label_before: fn(&str) -> String,
    pub label_after: fn(&str) -> String,
    pub save: &'static str,
    pub saving: &'static str,
    pub back_to_editing: &'static str,
    pub not_editable: &'static str,
    pub not_editable_text: &'static str,
    pub review: &'static str,
}

/// The sign-in page, its checks, and the sign-in-again dialog.
pub struct SignIn {
    pub no_token: &'static str,
    pub hidden_chars: &'static str,
    pub whitespace: &'static str,
    pub expired: &'static str,
    pub bad_user: &'static str,
    pub personas: &'static str,
    pub sign_in_as: fn(&str) -> String,
    pub sign_in_basic_as: fn(&str) -> String,
    pub own_credentials: &'static str,
    pub credentials: &'static str,
    pub bearer: &'static str,
    pub basic: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub app_token: &'static str,
    pub submit: &'static str,
    pub basic_explained: &'static str,
    pub title: &'static str,
    pub tenant: &'static str,
    pub again_title: &'static str,
    pub again_text: &'static str,
    pub cancel: &'static str,
    pub bearer_described: &'static str,
    pub basic_described: fn(&str) -> String,
}

/// Problems the api layer words: answers it could not use, requests it could not send.
pub struct Api {
    pub header_invalid: fn(&str) -> String,
    pub not_prepared: fn(&str) -> String,
    pub connection_failed: &'static str,
    pub connection_dropped: &'static str,
    pub other_client: fn(&str, &str, &str) -> String,
    pub no_fields: fn(&str) -> String,
    pub html_instead: fn(&str) -> String,
    pub not_json: fn(&str, &str) -> String,
    pub not_object: fn(&str) -> String,
    pub unreadable: fn(&str, &str) -> String,
    pub console_closed: &'static str,
    pub not_encoded: fn(&str) -> String,
    pub the_client_list: &'static str,
    pub created_no_id: &'static str,
    pub rotated_no_secret: &'static str,
    pub the_client: &'static str,
    pub the_new_client: &'static str,
    pub the_updated_client: &'static str,
    pub the_client_new_secret: &'static str,
    pub the_rotated_client: &'static str,
    pub later_page_no_answer: &'static str,
    pub list_no_list: &'static str,
    pub list_neither: &'static str,
    pub list_not_json: fn(&str) -> String,
}

/// What is wrong with a configuration (config.json or the embedding options).
pub struct ConfigText {
    pub invalid: &'static str,
    pub not_valid: fn(&str) -> String,
    pub api_base: fn(&str) -> String,
    pub tenant_missing: &'static str,
    pub app_token_header: &'static str,
    pub timeout_min: &'static str,
    pub base_path: fn(&str, &str) -> String,
    pub logo_hosts: fn(&str) -> String,
    pub load_failed: &'static str,
    pub answered: fn(&str) -> String,
    pub unreachable: fn(&str, &str) -> String,
    pub unreadable: fn(&str) -> String,
    pub no_answer: fn(&str, u32) -> String,
    pub routing: fn(&str) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_is_chosen_in_order_and_falls_back_to_english() {
        assert_eq!(Locale::parse("de-AT"), Some(Locale::De));
        assert_eq!(Locale::parse("DE_ch"), Some(Locale::De));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::parse(""), None);
        assert_eq!(
            Locale::choose([None, Some("de"), Some("en")], []),
            Locale::De
        );
        assert_eq!(Locale::choose([Some("en"), Some("de")], ["de"]), Locale::En);
        assert_eq!(Locale::choose([Some("fr")], ["de"]), Locale::En);
        assert_eq!(
            Locale::choose([Some(" "), None], ["fr", "de-DE"]),
            Locale::De
        );
        assert_eq!(Locale::choose([None], ["fr"]), Locale::En);
        assert_eq!(Locale::De.catalog().tag, "de");
        assert_eq!(Locale::En.catalog().tag, "en");
    }

    #[test]
    fn counts_and_plurals_in_both_languages() {
        assert_eq!(EN.num(10_000), "10,000");
        assert_eq!(DE.num(10_000), "10.000");
        assert_eq!(DE.num(999), "999");
        assert_eq!((EN.list.count)(&EN, 1, 1), "1 client");
        assert_eq!((EN.list.count)(&EN, 10_000, 10_000), "10,000 clients");
        assert_eq!((EN.list.count)(&EN, 3, 1_200), "3 of 1,200 clients match");
        assert_eq!((DE.list.count)(&DE, 1, 1), "1 Client");
        assert_eq!((DE.list.count)(&DE, 0, 0), "0 Clients");
        assert_eq!((DE.list.count)(&DE, 10_000, 10_000), "10.000 Clients");
        assert_eq!((DE.list.count)(&DE, 1, 1_200), "1 von 1.200 Clients passt");
        assert_eq!((DE.list.count)(&DE, 3, 1_200), "3 von 1.200 Clients passen");
        assert_eq!((EN.problems.seconds)(1), "1 second");
        assert_eq!((DE.problems.minutes)(2), "2 Minuten");
        assert_eq!((DE.problems.hours)(1), "1 Stunde");
    }

    #[test]
    fn dates_in_both_languages() {
        // 2026-12-02 07:05 UTC, shown at UTC+1.
        let at = CivilTime::from_unix(1_796_195_100, 60);
        assert_eq!(
            (at.year, at.month, at.day, at.hour, at.minute),
            (2026, 12, 2, 8, 5)
        );
        assert_eq!((EN.datetime)(&at), "2 Dec 2026, 08:05");
        assert_eq!((DE.datetime)(&at), "02.12.2026, 08:05");
    }
}
