"""Pure: the fake server's model catalogue, its provider endpoints and its providers.

One table (``MODELS``) feeds ``/models``, ``/model/{author}/{slug}``,
``/models/{author}/{slug}/endpoints``, ``/embeddings/models``, ``/providers``, the provider
named in chat answers and the price of embeddings, so every answer agrees with the others.
The chat models are billed at the one price the fake's chat answers are costed at
(``_payloads.PROMPT_PRICE`` / ``COMPLETION_PRICE``): a model's listed price is what its
``usage.cost`` and its ``/generation`` stats show. Some facts the API filters on but does
not return (``category``) are kept here beside the payload fields.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ._payloads import COMPLETION_PRICE, DEFAULT_PROVIDER, PROMPT_PRICE, JSONDict

_OPENAI_PARAMETERS = (
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "presence_penalty",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
)


@attrs.frozen(kw_only=True)
class Provider:
    """An upstream provider as ``/providers`` lists it."""

    name: str
    slug: str
    headquarters: str
    datacenters: tuple[str, ...]
    site: str


@attrs.frozen(kw_only=True)
class Host:
    """One provider endpoint serving a model."""

    provider: Provider
    quantization: str | None = None
    latency_p50: float = 0.4
    throughput_p50: float = 80.0


@attrs.frozen(kw_only=True)
class CatalogueModel:
    """One model: the fields its payloads are built from, plus filter-only facts."""

    id: str
    name: str
    created: int
    description: str
    context_length: int
    max_completion_tokens: int | None
    input_modalities: tuple[str, ...] = ("text",)
    output_modalities: tuple[str, ...] = ("text",)
    tokenizer: str
    instruct_type: str | None = None
    prompt_price: float = PROMPT_PRICE
    completion_price: float = COMPLETION_PRICE
    supported_parameters: tuple[str, ...] = ()
    reasoning: JSONDict | None = None
    categories: tuple[str, ...] = ()
    hosts: tuple[Host, ...] = ()
    dimensions: int | None = None
    """For embedding models: the length of the vectors."""

    @property
    def author(self) -> str:
        return self.id.partition("/")[0]

    @property
    def mean_price(self) -> float:
        return (self.prompt_price + self.completion_price) / 2


OPENAI = Provider(
    name="OpenAI", slug="openai", headquarters="US", datacenters=("US",), site="openai.com"
)
AZURE = Provider(
    name="Azure", slug="azure", headquarters="US", datacenters=("US", "NL"), site="azure.com"
)
ANTHROPIC = Provider(
    name="Anthropic", slug="anthropic", headquarters="US", datacenters=("US",), site="anthropic.com"
)
BEDROCK = Provider(
    name="Amazon Bedrock",
    slug="amazon-bedrock",
    headquarters="US",
    datacenters=("US", "DE"),
    site="aws.amazon.com",
)
DEEPINFRA = Provider(
    name="DeepInfra", slug="deepinfra", headquarters="US", datacenters=("US",), site="deepinfra.com"
)
TOGETHER = Provider(
    name="Together", slug="together", headquarters="US", datacenters=("US",), site="together.ai"
)
MISTRAL = Provider(
    name="Mistral", slug="mistral", headquarters="FR", datacenters=("FR", "SE"), site="mistral.ai"
)
PROVIDERS: tuple[Provider, ...] = (OPENAI, AZURE, ANTHROPIC, BEDROCK, DEEPINFRA, TOGETHER, MISTRAL)

MODELS: tuple[CatalogueModel, ...] = (
    CatalogueModel(
        id="openai/gpt-4o-mini",
        name="OpenAI: GPT-4o-mini",
        created=1_721_260_800,
        description="A small, fast and cheap multimodal model from OpenAI.",
        context_length=128_000,
        max_completion_tokens=16_384,
        input_modalities=("text", "image", "file"),
        tokenizer="GPT",
        supported_parameters=_OPENAI_PARAMETERS,
        categories=("programming", "translation", "marketing"),
        hosts=(Host(provider=OPENAI), Host(provider=AZURE, latency_p50=0.55)),
    ),
    CatalogueModel(
        id="openai/gpt-4o",
        name="OpenAI: GPT-4o",
        created=1_715_558_400,
        description="OpenAI's multimodal flagship model of 2024.",
        context_length=128_000,
        max_completion_tokens=16_384,
        input_modalities=("text", "image", "file"),
        tokenizer="GPT",
        supported_parameters=_OPENAI_PARAMETERS,
        categories=("programming", "science", "academia"),
        hosts=(Host(provider=OPENAI, latency_p50=0.5), Host(provider=AZURE, latency_p50=0.6)),
    ),
    CatalogueModel(
        id="anthropic/claude-sonnet-4",
        name="Anthropic: Claude Sonnet 4",
        created=1_747_930_371,
        description="Anthropic's mid-size model with extended thinking.",
        context_length=200_000,
        max_completion_tokens=64_000,
        input_modalities=("text", "image", "file"),
        tokenizer="Claude",
        supported_parameters=(
            "include_reasoning",
            "max_tokens",
            "reasoning",
            "stop",
            "temperature",
            "tool_choice",
            "tools",
            "top_k",
            "top_p",
        ),
        reasoning={"mandatory": False, "default_enabled": False, "supports_max_tokens": True},
        categories=("programming", "legal", "finance"),
        hosts=(Host(provider=ANTHROPIC, latency_p50=1.1), Host(provider=BEDROCK, latency_p50=1.3)),
    ),
    CatalogueModel(
        id="meta-llama/llama-3.1-8b-instruct",
        name="Meta: Llama 3.1 8B Instruct",
        created=1_721_692_800,
        description="Meta's small open-weights instruction model.",
        context_length=131_072,
        max_completion_tokens=16_384,
        tokenizer="Llama3",
        instruct_type="llama3",
        supported_parameters=(
            "frequency_penalty",
            "max_tokens",
            "min_p",
            "presence_penalty",
            "repetition_penalty",
            "seed",
            "stop",
            "temperature",
            "top_k",
            "top_p",
        ),
        categories=("roleplay", "trivia"),
        hosts=(
            Host(provider=DEEPINFRA, quantization="fp8", latency_p50=0.2, throughput_p50=150.0),
            Host(provider=TOGETHER, quantization="fp8", latency_p50=0.3, throughput_p50=120.0),
        ),
    ),
    CatalogueModel(
        id="openrouter/auto",
        name="Auto Router",
        created=1_699_401_600,
        description="Routes each request to a model chosen for the prompt (the fake's default).",
        context_length=2_000_000,
        max_completion_tokens=None,
        input_modalities=("text", "image", "file"),
        tokenizer="Router",
        supported_parameters=_OPENAI_PARAMETERS,
    ),
    CatalogueModel(
        id="openai/text-embedding-3-small",
        name="OpenAI: Text Embedding 3 Small",
        created=1_706_140_800,
        description="OpenAI's small embedding model.",
        context_length=8_192,
        max_completion_tokens=None,
        output_modalities=("embeddings",),
        tokenizer="GPT",
        prompt_price=0.000_000_02,
        completion_price=0.0,
        hosts=(Host(provider=OPENAI, latency_p50=0.1),),
        dimensions=1536,
    ),
    CatalogueModel(
        id="mistralai/mistral-embed-2312",
        name="Mistral: Mistral Embed",
        created=1_702_339_200,
        description="Mistral's embedding model.",
        context_length=8_192,
        max_completion_tokens=None,
        output_modalities=("embeddings",),
        tokenizer="Mistral",
        prompt_price=0.000_000_1,
        completion_price=0.0,
        hosts=(Host(provider=MISTRAL, latency_p50=0.15),),
        dimensions=1024,
    ),
)
_BY_ID: Mapping[str, CatalogueModel] = {model.id: model for model in MODELS}


def find_model(model_id: str) -> CatalogueModel | None:
    """The catalogue entry for ``author/slug``, ignoring a variant suffix such as ``:free``."""
    return _BY_ID.get(model_id.partition(":")[0])


def provider_of(model_id: str) -> str:
    """The provider the fake's answers say served ``model_id`` (its first endpoint's)."""
    model = find_model(model_id)
    if model is None or not model.hosts:
        return DEFAULT_PROVIDER
    return model.hosts[0].provider.name


def _price(per_token: float) -> str:
    return f"{per_token:.10f}".rstrip("0").rstrip(".") or "0"


def _pricing(model: CatalogueModel) -> JSONDict:
    return {
        "prompt": _price(model.prompt_price),
        "completion": _price(model.completion_price),
        "request": "0",
        "image": "0",
    }


def _architecture(model: CatalogueModel) -> JSONDict:
    modality = f"{'+'.join(model.input_modalities)}->{'+'.join(model.output_modalities)}"
    return {
        "modality": modality,
        "input_modalities": list(model.input_modalities),
        "output_modalities": list(model.output_modalities),
        "tokenizer": model.tokenizer,
        "instruct_type": model.instruct_type,
    }


def model_payload(model: CatalogueModel) -> JSONDict:
    """The ``Model`` object of ``/models`` and ``/model/{author}/{slug}``."""
    payload: JSONDict = {
        "id": model.id,
        "canonical_slug": model.id,
        "hugging_face_id": None,
        "name": model.name,
        "created": model.created,
        "description": model.description,
        "context_length": model.context_length,
        "architecture": _architecture(model),
        "pricing": _pricing(model),
        "top_provider": {
            "context_length": model.context_length,
            "max_completion_tokens": model.max_completion_tokens,
            "is_moderated": model.author == "openai",
        },
        "per_request_limits": None,
        "supported_parameters": list(model.supported_parameters),
        "default_parameters": None,
        "supported_voices": None,
        "knowledge_cutoff": None,
        "expiration_date": None,
        "links": {"details": f"/api/v1/models/{model.id}/endpoints"},
    }
    if model.reasoning is not None:
        payload["reasoning"] = dict(model.reasoning)
    return payload


def _endpoint(model: CatalogueModel, host: Host) -> JSONDict:
    latency = host.latency_p50
    throughput = host.throughput_p50
    return {
        "name": f"{host.provider.name} | {model.id}",
        "model_id": model.id,
        "model_name": model.name,
        "context_length": model.context_length,
        "pricing": _pricing(model),
        "provider_name": host.provider.name,
        "tag": host.provider.slug,
        "quantization": host.quantization,
        "max_completion_tokens": model.max_completion_tokens,
        "max_prompt_tokens": None,
        "supported_parameters": list(model.supported_parameters),
        "status": 0,
        "uptime_last_30m": 99.9,
        "uptime_last_5m": 100.0,
        "uptime_last_1d": 99.5,
        "supports_implicit_caching": host.provider is OPENAI,
        "latency_last_30m": _percentiles(latency, 1.4, 2.0, 4.0),
        "throughput_last_30m": _percentiles(throughput, 0.85, 0.7, 0.4),
    }


def _percentiles(p50: float, p75: float, p90: float, p99: float) -> JSONDict:
    """Percentile stats from a median and the ratios of the other percentiles to it."""
    return {
        "p50": p50,
        "p75": round(p50 * p75, 3),
        "p90": round(p50 * p90, 3),
        "p99": round(p50 * p99, 3),
    }


def endpoints_payload(model: CatalogueModel) -> JSONDict:
    """The ``data`` of ``/models/{author}/{slug}/endpoints``: the model and its endpoints."""
    return {
        "id": model.id,
        "name": model.name,
        "created": model.created,
        "description": model.description,
        "architecture": _architecture(model),
        "endpoints": [_endpoint(model, host) for host in model.hosts],
    }


def provider_payload(provider: Provider) -> JSONDict:
    """One entry of ``/providers``."""
    site = f"https://{provider.site}"
    return {
        "name": provider.name,
        "slug": provider.slug,
        "headquarters": provider.headquarters,
        "datacenters": list(provider.datacenters),
        "privacy_policy_url": f"{site}/privacy",
        "terms_of_service_url": f"{site}/terms",
        "status_page_url": None,
    }
