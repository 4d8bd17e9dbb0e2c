//! Reusable view parts. They hold no business rules: decisions come in as
//! props (a `Decision`, a `ProblemDetails`), computed by the domain.

mod bulk_results;
mod chunk_view;
mod clients_table;
mod confirm_dialog;
mod copy_button;
mod export_links;
mod field_messages;
mod filter_select;
mod guarded_button;
mod json_source;
mod list_editor;
mod logo;
mod long_text;
mod page_heading;
mod pager;
mod problem_view;
mod secret_field;
mod skeleton;
mod toast;
mod unsaved_guard;

pub use bulk_results::BulkResults;
pub use chunk_view::chunk_view;
pub use clients_table::{ClientsTable, TableRows};
pub use confirm_dialog::ConfirmDialog;
pub use copy_button::CopyButton;
pub use export_links::ExportLinks;
pub use field_messages::FieldMessages;
pub use filter_select::FilterSelect;
pub use guarded_button::{GuardedButton, GuardedLink};
pub use json_source::JsonSource;
pub use list_editor::ListEditor;
pub use logo::{ClientLogo, LogoOnRequest};
pub use long_text::{shortened, shortened_to, LongText};
pub use page_heading::use_page_heading;
pub use pager::{PageAt, Pager};
pub use problem_view::ProblemView;
pub use secret_field::SecretField;
pub use skeleton::{RetryOrBack, Skeleton, Splash};
pub use toast::{provide_toasts, use_toasts, ToastRegion, Toasts};
pub use unsaved_guard::{provide_leave_guards, use_leave_guard, use_unsaved_guard};
