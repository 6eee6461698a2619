"""The clinician report rendered for sharing: a PDF (fpdf2) and a FHIR R4 Bundle (fhir.resources)."""
