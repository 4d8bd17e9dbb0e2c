//! Routed pages. They ask the domain for rules and the api for data.

mod client_create;
mod client_detail;
mod client_edit;
pub mod client_form;
mod client_loader;
mod clients_bulk;
mod clients_list;
mod config_error;
mod not_found;
mod sign_in;
mod split_page;
mod write;

pub use client_create::CreateClientPage;
pub use client_detail::ClientDetailPage;
pub use client_edit::EditClientPage;
pub use clients_list::{provide_list_selection, ClientsListPage};
pub use config_error::ConfigErrorPage;
pub use not_found::NotFoundPage;
pub use sign_in::{ReauthDialog, SignInPage};
pub use split_page::{SplitCreatePage, SplitDetailPage, SplitEditPage};
