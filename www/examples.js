// Examples for the playground: DigiCert's documented request, common mistakes, and events.
// The certificate chain is a throwaway test chain made with openssl for this page (its root is
// "Example Playground Root G1"); it is not a DigiCert certificate.

const pretty = (value) => JSON.stringify(value, null, 2);

export const REQUEST_EXAMPLES = [
  {
    id: 'docs-create',
    label: 'DigiCert docs: create webhook',
    text: pretty({
      endpoint: 'https://webhook.example.com/endpoint',
      events: ['organization_revalidation_notice', 'domain_expired', 'domain_revalidation_notice',
        'certificate_revoked', 'order_rejected', 'organization_expired', 'organization_validated',
        'domain_validated', 'certificate_issued'],
      webhook_settings: {
        instant_issue_webhook_notification: '1',
        webhook_notification_frequency: [90, 60, 30, 7, 0, -7],
        webhook_send_certificate_chain: '1',
        webhook_send_instant_issued_certificate_chain: '1',
      },
    }),
  },
  {
    id: 'instant-chain-only',
    label: 'Mistake: instant chain without instant notifications',
    text: pretty({
      endpoint: 'https://listener.example.com/digicert',
      events: ['certificate_issued'],
      webhook_settings: { webhook_send_certificate_chain: '1', webhook_send_instant_issued_certificate_chain: '1' },
    }),
  },
  {
    id: 'booleans',
    label: 'Mistakes: http://, typos, a short secret',
    text: '{\n  "endpoint": "http://listener.example.com/digicert",\n  "events": ["certificate_issued", "certificate_revoke"],\n  "webhook_setings": {},\n  "secret": "too-short"\n}',
  },
  {
    id: 'settings-spelling',
    label: 'Mistake: true/false instead of "1"/"0"',
    text: pretty({
      endpoint: 'https://listener.example.com/digicert',
      webhook_settings: { instant_issue_webhook_notification: true, webhook_send_certificate_chain: true },
    }),
  },
  {
    id: 'list-response',
    label: 'GET /webhook response',
    text: pretty({
      webhooks: [{
        id: 1234,
        endpoint: 'https://webhook.example.com/endpoint',
        events: ['certificate_issued', 'certificate_revoked'],
        status: 'active',
        webhook_settings: {
          instant_issue_webhook_notification: '0',
          webhook_send_certificate_chain: '1',
          webhook_send_instant_issued_certificate_chain: '0',
        },
      }],
    }),
  },
];

export const EVENT_EXAMPLES = [
  { id: "issued-chain", label: "certificate_issued with a chain", text: "{\n  \"event\": \"certificate_issued\",\n  \"data\": {\n    \"order_id\": 472316021,\n    \"certificate_id\": 472316022,\n    \"certificate_chain\": [\n      {\n        \"subject_common_name\": \"shop.example.com\",\n        \"pem\": \"-----BEGIN CERTIFICATE-----\\r\\nMIIC9TCCAd2gAwIBAgIUTjr0EjKdomON7gl5Afm8fghvz04wDQYJKoZIhvcNAQEL\\r\\nBQAwSTELMAkGA1UEBhMCVVMxFjAUBgNVBAoMDUV4YW1wbGUgVHJ1c3QxIjAgBgNV\\r\\nBAMMGUV4YW1wbGUgUGxheWdyb3VuZCBUTFMgQ0EwHhcNMjYxMTI5MDkzMzMzWhcN\\r\\nMzYxMTI2MDkzMzMzWjA\\/MQswCQYDVQQGEwJVUzEVMBMGA1UECgwMRXhhbXBsZSBT\\r\\naG9wMRkwFwYDVQQDDBBzaG9wLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZI\\r\\nzj0DAQcDQgAEgWEix5bnbADgYzOKZP6HF\\/KUlq5jNkTVTc93rD+hCcly48kAcBo+\\r\\nJD9gD0FRi4mHPC58y2fN1uoJ2dQO8jjNpqOBqTCBpjAMBgNVHRMBAf8EAjAAMA4G\\r\\nA1UdDwEB\\/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAxBgNVHREEKjAoghBz\\r\\naG9wLmV4YW1wbGUuY29tghR3d3cuc2hvcC5leGFtcGxlLmNvbTAdBgNVHQ4EFgQU\\r\\nMLuo3K8TOUFkWuhreAUXWkbzZlwwHwYDVR0jBBgwFoAUAm2XY43ojdafMQjXRccA\\r\\nznBfQzswDQYJKoZIhvcNAQELBQADggEBACg+dF6ZNWwDPgm92oOLHlZNucqnTzNS\\r\\nwJqH3SJqpwCKdHrG8B9N+FtbUpN9B0GXu6SJQ88Mzg52FZFYJVMbuh5EJmY80OXW\\r\\nzYpQBVQHkXsquKWKryA6CRksOrlyh9uFnOBg0pDm2CZTS6z1Md4kCG\\/ue8yn0PUK\\r\\nmzXKN6aKoWu8owubZgxNVV9HecIE1+bvWbClj2GffH+++R9H5fuPYns6nHDixNhD\\r\\ndmtyFQP\\/8JF0sOz65tKaSRzDCKFhRgYPudovcFo9njOML++qgATdIV6M4qNCeX3g\\r\\nQ+DZP0e7YKOm1C2TlH7lgcfOVfFTmedluCp1GjhknoQImI2cdxX\\/rFM=\\r\\n-----END CERTIFICATE-----\\r\\n\"\n      },\n      {\n        \"subject_common_name\": \"Example Playground TLS CA\",\n        \"pem\": \"-----BEGIN CERTIFICATE-----\\r\\nMIIC5jCCAmygAwIBAgIUQKr9PgZzYXeKVmDMUe3pIUlFYDAwCgYIKoZIzj0EAwMw\\r\\nSjELMAkGA1UEBhMCVVMxFjAUBgNVBAoMDUV4YW1wbGUgVHJ1c3QxIzAhBgNVBAMM\\r\\nGkV4YW1wbGUgUGxheWdyb3VuZCBSb290IEcxMB4XDTI2MTEyOTA5MzMzM1oXDTQx\\r\\nMTEyNTA5MzMzM1owSTELMAkGA1UEBhMCVVMxFjAUBgNVBAoMDUV4YW1wbGUgVHJ1\\r\\nc3QxIjAgBgNVBAMMGUV4YW1wbGUgUGxheWdyb3VuZCBUTFMgQ0EwggEiMA0GCSqG\\r\\nSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDFsVdUjB2qD6mssTtLq7JNit7ekGSODBB5\\r\\n3znTuluFSqE1TujuPIlrPOSdeWTZP2\\/tH9S4wbHbW8DzOUu3zKVV1wrg4YBqTQUu\\r\\ndWumIdhbwN+6hw6mKYAN09JKdNUBeM6GpW+EYSLe7V0Fx9DEgjYJ5ZrzPSEfzV+Z\\r\\nFaVr0EMGlmjFLbfyLoy0x35iI3n5UuvJAMILqTYiTAO6zklf6INk18FLUnLEZQ52\\r\\nMu2RASNxCDBsA6kdP70MZXrkAfjs9RPSR0ZvklfK53RhuW1ehWhTbdywc+A1me4A\\r\\nVD7mi9hlE\\/6MOe1N7PfSSbmFBVPkkgRCo25n0fvfu9pJQ0t3WGhRAgMBAAGjZjBk\\r\\nMBIGA1UdEwEB\\/wQIMAYBAf8CAQAwDgYDVR0PAQH\\/BAQDAgEGMB0GA1UdDgQWBBQC\\r\\nbZdjjeiN1p8xCNdFxwDOcF9DOzAfBgNVHSMEGDAWgBQ4UgKJOWxalALlO67zWHk6\\r\\nZMm+8jAKBggqhkjOPQQDAwNoADBlAjAxIBOr+MDX7S9o48OEW8n1mftj+eY3w7gK\\r\\nQNs2x9uVVHLJnBNZAii6SIUkjTKuN38CMQDNXzqC7nD+An3DxriPo6blbo01BI2j\\r\\nNBgZ1GX8iCaVee4QbqcF18vPaLpJjrPp6GU=\\r\\n-----END CERTIFICATE-----\\r\\n\"\n      },\n      {\n        \"subject_common_name\": \"Example Playground Root G1\",\n        \"pem\": \"-----BEGIN CERTIFICATE-----\\r\\nMIICNjCCAbygAwIBAgIUI4idOPjrMxgCRhj6ZYzZ8CbXIPUwCgYIKoZIzj0EAwIw\\r\\nSjELMAkGA1UEBhMCVVMxFjAUBgNVBAoMDUV4YW1wbGUgVHJ1c3QxIzAhBgNVBAMM\\r\\nGkV4YW1wbGUgUGxheWdyb3VuZCBSb290IEcxMB4XDTI2MTEyOTA5MzMzM1oXDTQ2\\r\\nMTEyNDA5MzMzM1owSjELMAkGA1UEBhMCVVMxFjAUBgNVBAoMDUV4YW1wbGUgVHJ1\\r\\nc3QxIzAhBgNVBAMMGkV4YW1wbGUgUGxheWdyb3VuZCBSb290IEcxMHYwEAYHKoZI\\r\\nzj0CAQYFK4EEACIDYgAEuYr15F6VmX0wLDFaszUzFeutbGnrwvEycLJ70Uur984\\/\\r\\nU6TjY7YYoy6adrARtBHdYqjEFFw\\/tS+7tr+021Vp7MFMnKxxlYGJjwx8bDubc3h+\\r\\nLquuNWBMH9iCUlUR+RbEo2MwYTAdBgNVHQ4EFgQUOFICiTlsWpQC5Tuu81h5OmTJ\\r\\nvvIwHwYDVR0jBBgwFoAUOFICiTlsWpQC5Tuu81h5OmTJvvIwDwYDVR0TAQH\\/BAUw\\r\\nAwEB\\/zAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDaAAwZQIwcqTMl\\/dZ9hkn\\r\\n4tfFJ2XrzNKgKd50dOuvIFp375VxSNgBA3Ohqfu2VRZ1w5uMbKD2AjEAyp6\\/7LPs\\r\\ngVN1Y\\/Ab7vVBUVJQb+gdrFAO7elGTjU6v2pz4qDnL5WppRKMnY4jF6nx\\r\\n-----END CERTIFICATE-----\\r\\n\"\n      }\n    ]\n  }\n}" },
  { id: "issued-no-chain", label: "certificate_issued without a chain", text: pretty({ event: "certificate_issued", data: { order_id: 472316021, certificate_id: 472316022 } }) },
  { id: "revoked", label: "certificate_revoked", text: pretty({ event: "certificate_revoked", data: { order_id: 472316021, certificate_id: 472316022 } }) },
  { id: "approval", label: "order_approval_email_sent", text: pretty({ event: "order_approval_email_sent", data: { order_id: 472316021, certificate_id: 472316022, orderApprovalEmailStatus: "sent", orderApprovalEmails: ["admin@example.com"] } }) },
  { id: "test", label: "test_webhook_endpoint", text: pretty({ event: "test_webhook_endpoint" }) },
  { id: "challenge", label: "challenge_webhook_endpoint", text: pretty({ event: "challenge_webhook_endpoint", data: { token: "5b1c0a2e7f", webhook_id: 1234 } }) },
];

// Variants of the chain example, to see what the inspector says about a chain that is wrong.
const chainEvent = JSON.parse(EVENT_EXAMPLES[0].text);
const variant = (change) => {
  const event = structuredClone(chainEvent);
  change(event.data.certificate_chain);
  return pretty(event);
};
EVENT_EXAMPLES.splice(1, 0,
  { id: 'chain-swapped', label: 'Chain: leaf and CA swapped', text: variant((chain) => chain.unshift(...chain.splice(1, 1))) },
  { id: 'chain-no-root', label: 'Chain: root missing', text: variant((chain) => chain.pop()) },
);
// What a listener logs: one event per line (NDJSON), read with parseEvents.
EVENT_EXAMPLES.push({
  id: 'ndjson',
  label: 'NDJSON: several events, one per line',
  text: `${EVENT_EXAMPLES.filter((e) => ['test', 'challenge', 'issued-no-chain', 'revoked'].includes(e.id))
    .map((e) => JSON.stringify(JSON.parse(e.text))).join('\n')}\n`,
});

