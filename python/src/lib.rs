//! The native half of the `byline` Python package (`byline._byline`).
//!
//! It stays thin on purpose: it builds pipelines through the `byline`
//! facade and annotates batches of records in parallel with the GIL
//! released, handing back each document exactly as `byline run` writes it
//! (byline-core's JSON writer, character offsets) plus the exact decimals of
//! its numbers. The Python side (`byline/__init__.py`) turns that into
//! `Doc`s and annotation objects, so there is one JSON implementation.

use byline::json::{RecordId, error_record};
use byline::registry;
use byline::span::OffsetUnit;
use byline::{Decimal, Document, PipelineError};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

create_exception!(
    _byline,
    NativePipelineError,
    PyValueError,
    "A pipeline could not be built; args are (message, [(file, line, column, message), ...])."
);

/// One problem of a pipeline spec: file, line, column (1-based, when
/// known) and message.
type Problem = (String, Option<usize>, Option<usize>, String);

fn pipeline_error(e: &PipelineError) -> PyErr {
    let problems: Vec<Problem> = e
        .diagnostics
        .iter()
        .map(|d| (d.origin.clone(), d.position.map(|p| p.0), d.position.map(|p| p.1), d.message.clone()))
        .collect();
    NativePipelineError::new_err((e.to_string(), problems))
}

/// An input record as the Python side hands it over.
enum Record {
    /// A text and its id.
    Text { id: String, text: String },
    /// A JSON object line, read as `byline run` reads JSONL (`fallback_id`
    /// when it has no usable id).
    Json { fallback_id: String, line: String },
    /// A record the Python side could not read, with why.
    Bad { id: String, error: String },
}

/// Record kinds in the `(kind, id, payload)` tuples the Python side sends.
const TEXT: u8 = 0;
const JSON: u8 = 1;

impl Record {
    /// Reads a `(kind, id, payload)` tuple; anything unreadable (a text
    /// that is not valid Unicode, say) becomes a bad record, not an
    /// exception, so one record never fails a batch.
    fn extract(item: &Bound<'_, PyAny>, position: usize) -> Record {
        let (kind, id, payload) = match item.extract::<(u8, String, Bound<'_, PyAny>)>() {
            Ok(parts) => parts,
            Err(e) => return Record::Bad { id: position.to_string(), error: format!("unreadable record: {e}") },
        };
        let payload = match payload.extract::<String>() {
            Ok(payload) => payload,
            Err(e) => return Record::Bad { id, error: format!("the text cannot be read: {e}") },
        };
        match kind {
            TEXT => Record::Text { id, text: payload },
            JSON => Record::Json { fallback_id: id, line: payload },
            _ => Record::Bad { id, error: payload },
        }
    }
}

/// An annotated record: `(id, json_bytes, exact_numbers, error)`.
type Output = (String, Vec<u8>, Vec<ExactNumber>, Option<String>);

/// An [`Output`] with its JSON as Python bytes.
type PyOutput<'py> = (String, Bound<'py, PyBytes>, Vec<ExactNumber>, Option<String>);

/// A number's exact `value`, `min` and `max` as decimal strings.
type ExactNumber = (Option<String>, Option<String>, Option<String>);

fn exact(value: Option<Decimal>) -> Option<String> {
    value.map(|d| d.normalize().to_string())
}

fn annotate(pipeline: &byline::Pipeline, record: Record) -> Output {
    let read = match record {
        Record::Text { id, text } => Ok(Document::new(id, text)),
        Record::Json { fallback_id, line } => Document::from_json(&line, &fallback_id),
        Record::Bad { id, error } => return failed(RecordId::Text(id), error),
    };
    match pipeline.annotate_record(read) {
        Ok(doc) => annotated(doc),
        Err((id, error)) => failed(id, error),
    }
}

/// The error record written in place of a document.
fn failed(id: RecordId, error: String) -> Output {
    let mut out = Vec::new();
    error_record(&id, &error, &mut out);
    (id.as_str().to_owned(), out, Vec::new(), Some(error))
}

/// An annotated document's record, and its numbers' exact values.
fn annotated(doc: Document) -> Output {
    let mut out = Vec::with_capacity(doc.text().len() * 4 + 256);
    doc.write_json(OffsetUnit::Chars, &mut out);
    let numbers = doc.layers.numbers.iter().flatten().map(|n| (exact(n.value), exact(n.min), exact(n.max))).collect();
    (doc.id, out, numbers, None)
}

fn to_python<'py>(py: Python<'py>, (id, json, numbers, error): Output) -> PyOutput<'py> {
    (id, PyBytes::new(py, &json), numbers, error)
}

/// A validated pipeline (the Python `byline.Pipeline` wraps it).
#[pyclass(frozen, module = "byline._byline")]
struct NativePipeline {
    inner: byline::Pipeline,
}

#[pymethods]
impl NativePipeline {
    /// The default pipeline.
    #[staticmethod]
    fn default_pipeline() -> PyResult<NativePipeline> {
        byline::Pipeline::try_default().map(|inner| NativePipeline { inner }).map_err(|e| pipeline_error(&e))
    }

    /// A pipeline from TOML text; `origin` names it in errors.
    #[staticmethod]
    fn from_toml(text: &str, origin: &str) -> PyResult<NativePipeline> {
        byline::Pipeline::from_toml(text, origin).map(|inner| NativePipeline { inner }).map_err(|e| pipeline_error(&e))
    }

    /// A pipeline from a TOML file.
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<NativePipeline> {
        byline::Pipeline::from_file(&path).map(|inner| NativePipeline { inner }).map_err(|e| pipeline_error(&e))
    }

    /// The pipeline's name.
    #[getter]
    fn name(&self) -> &str {
        self.inner.name()
    }

    /// Its stages' names, in order.
    #[getter]
    fn stage_names(&self) -> Vec<String> {
        self.inner.stages().iter().map(|s| s.name().to_owned()).collect()
    }

    /// The layers its stages add, in order.
    #[getter]
    fn layer_names(&self) -> Vec<String> {
        self.inner.layers().iter().map(|l| l.name().to_owned()).collect()
    }

    /// Annotates one `(kind, id, payload)` record with the GIL released.
    fn annotate<'py>(&self, py: Python<'py>, record: &Bound<'py, PyAny>) -> PyOutput<'py> {
        let record = Record::extract(record, 0);
        let output = py.detach(|| annotate(&self.inner, record));
        to_python(py, output)
    }

    /// Annotates a batch of records in parallel with the GIL released, on
    /// `pool` or on all cores; results come back in input order.
    #[pyo3(signature = (records, pool=None))]
    fn annotate_batch<'py>(
        &self,
        py: Python<'py>,
        records: Vec<Bound<'py, PyAny>>,
        pool: Option<&Bound<'py, ThreadPool>>,
    ) -> Vec<PyOutput<'py>> {
        let records: Vec<Record> = records.iter().enumerate().map(|(i, r)| Record::extract(r, i)).collect();
        let pipeline = &self.inner;
        let run = || records.into_par_iter().map(|r| annotate(pipeline, r)).collect::<Vec<Output>>();
        let outputs = match pool {
            Some(pool) => {
                let pool = &pool.get().pool;
                py.detach(|| pool.install(run))
            }
            None => py.detach(run),
        };
        outputs.into_iter().map(|o| to_python(py, o)).collect()
    }
}

/// A pool of worker threads for `Pipeline.pipe(threads=N)`.
#[pyclass(frozen, module = "byline._byline")]
struct ThreadPool {
    pool: rayon::ThreadPool,
}

#[pymethods]
impl ThreadPool {
    #[new]
    fn new(threads: usize) -> PyResult<ThreadPool> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("byline-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
        Ok(ThreadPool { pool })
    }
}

/// One documented option: name, TOML type, default (as TOML), doc.
type OptionInfo = (String, String, Option<String>, String);
/// One registered stage: name, summary, needs, adds, options.
type StageInfo = (String, String, Vec<String>, Vec<String>, Vec<OptionInfo>);

/// Every registered stage, sorted by name.
#[pyfunction]
fn stages() -> Vec<StageInfo> {
    byline::link_stage_crates();
    let names = |layers: &[byline::Layer]| layers.iter().map(|l| l.name().to_owned()).collect();
    registry::registrations()
        .into_iter()
        .map(|r| {
            let options = r.option_docs().into_iter().map(|o| (o.name, o.ty, o.default, o.doc)).collect();
            (r.name.to_owned(), r.summary.to_owned(), names(r.needs), names(r.adds), options)
        })
        .collect()
}

/// The native module.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePipeline>()?;
    m.add_class::<ThreadPool>()?;
    m.add_function(wrap_pyfunction!(stages, m)?)?;
    m.add("NativePipelineError", m.py().get_type::<NativePipelineError>())?;
    m.add("DEFAULT_PIPELINE", byline::default_pipeline_toml())?;
    Ok(())
}
