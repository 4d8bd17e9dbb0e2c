use nexus_domain::{Catalog, Operation, ProblemDetails};

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

impl ApiError {
    /// The problem to show, for every kind of failure.
    pub fn problem(&self, t: &Catalog) -> ProblemDetails {
        self.problem_with(t, t.problems.retry_safe)
    }

    /// The problem, with `advice` after a Network or Timeout detail.
    fn problem_with(&self, t: &Catalog, advice: &str) -> ProblemDetails {
        let p = &t.problems;
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => (**p).clone(),
            ApiError::Network(detail) => ProblemDetails::local(
                p.network_title,
                &format!("{detail} {} {advice}", p.check_connection),
            ),
            ApiError::Timeout { seconds } => ProblemDetails::local(
                p.timeout_title,
                &format!("{} {advice}", (p.timeout_detail)(*seconds)),
            ),
            ApiError::NotSent(detail) => ProblemDetails::local(p.not_sent_title, detail),
            ApiError::Decode(detail) => ProblemDetails::local(p.decode_title, detail),
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
    pub fn problem_after(&self, t: &Catalog, operation: Operation) -> ProblemDetails {
        let w = &t.problems;
        let caution = match (self.outcome(), operation) {
            (Outcome::NotApplied, _) | (_, Operation::Read) => return self.problem(t),
            (Outcome::Unknown, Operation::Edit) => return self.problem(t), // a PATCH may be repeated
            (Outcome::Unknown, Operation::Create) => w.maybe_created,
            (Outcome::Unknown, Operation::RotateSecret) => w.maybe_rotated,
            (Outcome::Unknown, Operation::Delete) => w.maybe_deleted,
            (Outcome::Applied, Operation::Create) => w.likely_created,
            (Outcome::Applied, Operation::RotateSecret) => w.likely_rotated,
            (Outcome::Applied, Operation::Delete) => w.likely_deleted,
            (Outcome::Applied, Operation::Edit) => w.likely_saved,
        };
        let mut p = self.problem_with(t, "");
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
    pub fn forbidden_reason(&self, t: &Catalog) -> Option<String> {
        if !self.is_forbidden() {
            return None;
        }
        let p = self.problem(t);
        Some(
            p.detail
                .or(p.title)
                .unwrap_or_else(|| (t.problems.status_title)(403).to_string()),
        )
    }
}
