use nexus_domain::problem::status_title;
use nexus_domain::{Operation, ProblemDetails};

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

/// What a failed call means for the request's effect on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server refused it or never got it: nothing changed.
    NotApplied,
    /// No answer came (dropped, timed out, a gateway gave up waiting): it may
    /// or may not have taken effect.
    Unknown,
    /// The server answered with success, but the answer could not be read:
    /// it most likely took effect.
    Applied,
}

const RETRY_SAFE: &str = "Try again; nothing you entered was lost.";

impl ApiError {
    /// The problem to show, for every kind of failure.
    pub fn problem(&self) -> ProblemDetails {
        self.problem_with(RETRY_SAFE)
    }

    /// The problem, with `advice` after a Network or Timeout detail.
    fn problem_with(&self, advice: &str) -> ProblemDetails {
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => (**p).clone(),
            ApiError::Network(detail) => ProblemDetails::local(
                "The server could not be reached",
                &format!("{detail} Check your connection. {advice}"),
            ),
            ApiError::Timeout { seconds } => ProblemDetails::local(
                "The server took too long to answer",
                &format!("No answer within {seconds} seconds. {advice}"),
            ),
            ApiError::NotSent(detail) => {
                ProblemDetails::local("The request could not be sent", detail)
            }
            ApiError::Decode(detail) => {
                ProblemDetails::local("The server's answer could not be read", detail)
            }
        }
    }

    /// Whether the request took effect on the server, as far as can be told.
    pub fn outcome(&self) -> Outcome {
        match self {
            ApiError::Network(_) | ApiError::Timeout { .. } => Outcome::Unknown,
            // A gateway that gave up waiting may have handed the request on.
            _ if matches!(self.status(), Some(502 | 504)) => Outcome::Unknown,
            // Only a 2xx answer is decoded.
            ApiError::Decode(_) => Outcome::Applied,
            _ => Outcome::NotApplied,
        }
    }

    /// The problem to show after `operation` failed. When the request may have
    /// taken effect, it says what probably happened and what to check, instead
    /// of a plain "try again" (a second create makes a second client; a
    /// rotation whose answer was lost leaves no usable secret).
    pub fn problem_after(&self, operation: Operation) -> ProblemDetails {
        let caution = match (self.outcome(), operation) {
            (Outcome::NotApplied, _) | (_, Operation::Read) => return self.problem(),
            (Outcome::Unknown, Operation::Edit) => return self.problem(), // a PATCH may be repeated
            (Outcome::Unknown, Operation::Create) => "The client may have been created anyway: look for it in the clients list before creating it again, or you may end up with two.",
            (Outcome::Unknown, Operation::RotateSecret) => "The secret may have been rotated anyway. If it was, the previous secret no longer works and the new one never reached you: rotate again to get a secret you can copy.",
            (Outcome::Unknown, Operation::Delete) => "The client may have been deleted anyway: open the clients list to check before trying again.",
            (Outcome::Applied, Operation::Create) => "The server reported success, so the client was most likely created: find it in the clients list rather than creating it again.",
            (Outcome::Applied, Operation::RotateSecret) => "The server reported success, so the secret was most likely rotated, but the new one could not be read: rotate again to get a secret you can copy.",
            (Outcome::Applied, Operation::Delete) => "The server reported success, so the client was most likely deleted.",
            (Outcome::Applied, Operation::Edit) => "The server reported success, so the changes were most likely saved: open the client to check.",
        };
        let mut p = self.problem_with("");
        p.detail = Some(match p.detail.take() {
            Some(d) => format!("{} {caution}", d.trim_end()),
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
