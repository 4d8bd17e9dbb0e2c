use nexus_domain::problem::status_title;
use nexus_domain::{Action, ProblemDetails};

/// Every way a call can fail.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error status; the body, whatever it was,
    /// read as a problem.
    Problem(Box<ProblemDetails>),
    /// 401, and signing in again did not happen or did not help.
    Unauthorized(Box<ProblemDetails>),
    /// The request was never sent (e.g. a token HTTP cannot carry).
    NotSent(String),
    /// No answer: offline, DNS, CORS, connection dropped.
    Network(String),
    /// No answer within the configured time.
    Timeout { seconds: u32 },
    /// A success status with a body that is not what the contract says.
    Decode(String),
}

impl ApiError {
    /// The problem to show, for every kind of failure.
    pub fn problem(&self) -> ProblemDetails {
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => (**p).clone(),
            ApiError::Network(detail) => ProblemDetails::local(
                "The server could not be reached",
                &format!(
                    "{detail} Check your connection and try again; nothing you entered was lost."
                ),
            ),
            ApiError::Timeout { seconds } => ProblemDetails::local(
                "The server took too long to answer",
                &format!(
                    "No answer within {seconds} seconds. Try again; nothing you entered was lost."
                ),
            ),
            ApiError::NotSent(detail) => {
                ProblemDetails::local("The request could not be sent", detail)
            }
            ApiError::Decode(detail) => {
                ProblemDetails::local("The server's answer could not be read", detail)
            }
        }
    }

    /// Whether the request may have taken effect although no answer came:
    /// the connection dropped, the time ran out, or a gateway gave up
    /// waiting (502, 504) after handing the request on.
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, ApiError::Network(_) | ApiError::Timeout { .. })
            || matches!(self.status(), Some(502 | 504))
    }

    /// The problem to show after `action` failed. For an action that is not
    /// safe to repeat blindly (create, rotate), an unknown outcome says what
    /// may have happened and what to check before trying again.
    pub fn problem_after(&self, action: Action) -> ProblemDetails {
        let mut p = self.problem();
        if !self.outcome_unknown() {
            return p;
        }
        let caution = match action {
            Action::Create => "The client may have been created anyway: look for it in the clients list before creating it again, or you may end up with two.",
            Action::RotateSecret => "The secret may have been rotated anyway. If it was, the previous secret no longer works and the new one never reached you: rotate again to get a secret you can copy.",
            Action::Delete => "The client may have been deleted anyway: reload to check.",
            Action::Edit | Action::Read => return p,
        };
        p.detail = Some(match p.detail.take() {
            Some(d) => format!("{d} {caution}"),
            None => caution.to_string(),
        });
        p
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => p.status_code(),
            _ => None,
        }
    }

    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// The server's own words for a 403, to use as a disabled control's reason.
    pub fn forbidden_reason(&self) -> Option<String> {
        if !self.is_forbidden() {
            return None;
        }
        let p = self.problem();
        Some(
            p.detail
                .or(p.title)
                .unwrap_or_else(|| status_title(403).to_string()),
        )
    }
}
