"""pyHanko's view of a PDF's signatures, for vanban-sign's tests.

validate FILE CA.pem  -> one JSON line per signature
sign IN OUT P12 PASSWORD FIELD -> signs IN as pyHanko does (PAdES)
"""
import json
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def validate(path, ca):
    vc = ValidationContext(trust_roots=[load_cert_from_pemder(ca)])
    with open(path, "rb") as f:
        reader = PdfFileReader(f)
        for sig in reader.embedded_signatures:
            status = validate_pdf_signature(sig, vc)
            print(json.dumps({
                "field": sig.field_name,
                "intact": bool(status.intact),
                "valid": bool(status.valid),
                "trusted": bool(status.trusted),
                "coverage": str(status.coverage),
                "modification_level": str(status.modification_level),
                "docmdp_ok": status.docmdp_ok,
            }))


def sign(src, dst, p12, password, field):
    signer = signers.SimpleSigner.load_pkcs12(p12, passphrase=password.encode())
    with open(src, "rb") as f:
        writer = IncrementalPdfFileWriter(f)
        meta = signers.PdfSignatureMetadata(
            field_name=field, subfilter=fields.SigSeedSubFilter.PADES
        )
        with open(dst, "wb") as out:
            signers.sign_pdf(writer, meta, signer=signer, output=out)


if __name__ == "__main__":
    if sys.argv[1] == "validate":
        validate(sys.argv[2], sys.argv[3])
    else:
        sign(*sys.argv[2:7])
