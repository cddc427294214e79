// Example responses from the OneClickDz v3 docs (docs.oneclickdz.com; the same pages exist on
// oneclickdz.mintlify.app and as /en/...md), kept as raw JSON text so the contract tests
// (contract.test.ts) drive exactly what the upstream documents through the real client.
// The check-by-id examples are in test-fixtures.ts (SEED_*).
//
// VERBATIM unless marked ASSEMBLED. Our stored copies of some pages are cut off part-way through
// an example: there only the readable objects are kept verbatim and the envelope around them is
// ours (marked, with what is ours). Nothing below was completed from memory.
//
// Pages with no usable response example (not here):
// - api-reference/core/health-check (ping): only the generated placeholder shape
//   ("api": "<string>"); its "Example Request" shows no response.
// - api-reference/account/list-transactions: only the placeholder shape (`"<string>"`, 123);
//   its "Response Example" lies beyond what the stored copy holds.
// - api-reference/error-handling and the generic shapes on api-reference/response-format:
//   they carry `// additional context` comments, so they are not JSON.
// - The header shapes on list-topups (`"items": [{}]`) and check-by-ref (`"data": {}`).
// - The changelog's v2 "Before" bodies (another API version).

// --- check-by-ref -----------------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/mobile/check-by-ref — "Response Example", HTTP 200
export const CHECK_REF_FULFILLED = `{
  "success": true,
  "data": {
    "_id": "6901616fe9e88196b4eb64b0",
    "ref": "order-12345",
    "status": "FULFILLED",
    "plan_code": "PREPAID_DJEZZY",
    "MSSIDN": "0778037340",
    "topup_amount": 500,
    "balance_amount": 490,
    "created_at": "2025-10-29T00:35:59.378Z"
  },
  "meta": {
    "timestamp": "2025-10-29T00:36:15.606Z"
  },
  "requestId": "req_1730160975_xyz789"
}`;

// https://docs.oneclickdz.com/api-reference/mobile/check-by-ref — "404 - Not Found", HTTP 404
// ASSEMBLED: the stored copy ends in the requestId ("r…"), so the requestId is left out.
export const CHECK_REF_NOT_FOUND = `{
  "success": false,
  "error": {
    "code": "NOT_FOUND",
    "message": "Top-up with reference 'order-12345' not found"
  }
}`;

// Quickstart "Step 2: Check Top-Up Status", HTTP 200: an abbreviated illustration (no _id,
// ref, plan_code or created_at). https://docs.oneclickdz.com/quickstart
export const QUICKSTART_CHECK_REF = `{
  "success": true,
  "data": {
    "status": "FULFILLED",
    "MSSIDN": "0778037340",
    "topup_amount": 500
  }
}`;

// --- send -------------------------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/mobile/send-topup — "Success Response", HTTP 200
// (sent with ref "order-12345", yet the example's topupRef is an auto-generated one)
export const SEND_SUCCESS = `{
  "success": true,
  "data": {
    "topupId": "6901616fe9e88196b4eb64b0",
    "topupRef": "API-+213665983439-test-1761698159224-success"
  },
  "meta": {
    "timestamp": "2025-10-29T00:35:59.454Z"
  }
}`;

// https://docs.oneclickdz.com/mobile-topup-guides/3-sending-topups — "Success Response", HTTP 200
export const SEND_SUCCESS_GUIDE = `{
  "success": true,
  "data": {
    "topupId": "6901616fe9e88196b4eb64b0",
    "topupRef": "order-1730462400-user123"
  },
  "meta": {
    "timestamp": "2025-11-01T11:00:00.454Z"
  },
  "requestId": "req_1730462400_abc123"
}`;

// https://docs.oneclickdz.com/quickstart — "Step 1: Send a Mobile Top-Up" response, HTTP 200
export const QUICKSTART_SEND = `{
  "success": true,
  "data": {
    "topupId": "6901616fe9e88196b4eb64b0",
    "topupRef": "order-001"
  }
}`;

// https://docs.oneclickdz.com/api-reference/response-format — "Mobile Top-Up Send", HTTP 200
export const RESPONSE_FORMAT_SEND = `{
  "success": true,
  "data": {
    "topupId": "6901616fe9e88196b4eb64b0",
    "topupRef": "my-order-123",
    "newBalance": 826.13
  },
  "meta": {
    "timestamp": "2025-10-29T00:35:59.454Z"
  }
}`;

// https://docs.oneclickdz.com/api-reference/mobile/send-topup — "400 - Validation Errors", HTTP 400
export const SEND_ERR_VALIDATION = String.raw`{
  "success": false,
  "error": {
    "code": "ERR_VALIDATION",
    "message": "body/MSSIDN must match pattern \"^0[567][0-9]{8}$\"",
    "details": {
      "field": "MSSIDN",
      "value": "778037340"
    }
  },
  "requestId": "req_1730160959_xyz789"
}`;

// https://docs.oneclickdz.com/changelog — "5. Error Handling Changed", v3 "After"; HTTP 403 per
// send-topup's "403 - Insufficient Balance" (whose own copy is cut off inside "details").
export const INSUFFICIENT_BALANCE = `{
  "success": false,
  "error": {
    "code": "INSUFFICIENT_BALANCE",
    "message": "Your balance is insufficient for this operation",
    "details": {
      "required": 1000,
      "available": 500
    }
  },
  "requestId": "req_abc123"
}`;

// https://docs.oneclickdz.com/api-reference/error-handling — DUPLICATED_REF; HTTP 403 per send-topup
// ("403 - Duplicate Reference"). ASSEMBLED: no JSON is shown; code and message are the page's,
// the envelope is the documented error shape.
export const DUPLICATED_REF = `{
  "success": false,
  "error": {
    "code": "DUPLICATED_REF",
    "message": "This reference ID is already in use"
  }
}`;

// --- validate ---------------------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/core/validate-token — "Example Response", HTTP 200
// (identical on https://docs.oneclickdz.com/authentication, "Successful Response")
export const VALIDATE = `{
  "success": true,
  "data": {
    "username": "+213665983439",
    "apiKey": {
      "key": "ea27b376-9f5c-4b09-883f-1b96cd7b541c",
      "isEnabled": true,
      "type": "SANDBOX",
      "allowedips": [],
      "scope": "READ-WRITE"
    }
  }
}`;

// https://docs.oneclickdz.com/quickstart — "Verify Your API Key" response, HTTP 200
export const QUICKSTART_VALIDATE = `{
  "success": true,
  "data": {
    "username": "+213665983439",
    "apiKey": {
      "type": "SANDBOX",
      "scope": "READ-WRITE",
      "isEnabled": true
    }
  }
}`;

// https://docs.oneclickdz.com/api-reference/core/validate-token — "400 - Missing Access Token",
// HTTP 400; api-reference/error-handling files MISSING_ACCESS_TOKEN under "Authentication Errors (401)".
export const MISSING_ACCESS_TOKEN = `{
  "success": false,
  "error": {
    "code": "MISSING_ACCESS_TOKEN",
    "message": "Access token is required"
  },
  "requestId": "req_abc123"
}`;

// https://docs.oneclickdz.com/api-reference/core/validate-token — "401 - Invalid Access Token", HTTP 401
export const INVALID_ACCESS_TOKEN = `{
  "success": false,
  "error": {
    "code": "INVALID_ACCESS_TOKEN",
    "message": "The provided access token is invalid",
    "details": {
      "attemptsLeft": 3
    }
  },
  "requestId": "req_abc123"
}`;

// https://docs.oneclickdz.com/api-reference/core/validate-token — "403 - IP Blocked", HTTP 403
export const IP_BLOCKED = `{
  "success": false,
  "error": {
    "code": "IP_BLOCKED",
    "message": "Your IP has been temporarily blocked due to too many invalid attempts"
  },
  "requestId": "req_abc123"
}`;

// --- balance and ledger -----------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/account/get-balance — "Example Response", HTTP 200
// (identical on https://docs.oneclickdz.com/api-reference/response-format, "Account Balance")
export const BALANCE = `{
  "success": true,
  "data": {
    "balance": 1326.13
  },
  "meta": {
    "timestamp": "2025-10-29T00:35:58.710Z"
  }
}`;

// https://docs.oneclickdz.com/changelog — "3. Response Structure Changed", v3 "After", HTTP 200
export const CHANGELOG_BALANCE = `{
  "success": true,
  "data": {
    "balance": 50000,
    "currency": "DZD"
  },
  "meta": {
    "timestamp": "2025-10-29T00:00:00.000Z"
  },
  "requestId": "req_abc123"
}`;

// https://docs.oneclickdz.com/api-reference/response-format — "List Transactions (with
// Pagination)", HTTP 200: an abbreviated row (no _id, oldBalance, newBalance).
export const RESPONSE_FORMAT_TRANSACTIONS = `{
  "success": true,
  "data": {
    "items": [
      {
        "type": "FLEXY",
        "amount": 500,
        "time": "2025-10-29T00:00:00.000Z"
      }
    ],
    "pagination": {
      "page": 1,
      "pageSize": 20,
      "totalPages": 10,
      "totalResults": 195
    }
  },
  "meta": {
    "timestamp": "2025-10-29T00:35:58.852Z"
  }
}`;

// --- list -------------------------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/mobile/list-topups — "Response Example", first item
// (sandbox number 0600000002: REFUNDED with suggested_offers and balance_amount 0), HTTP 200.
export const LIST_TOPUPS_FIRST_ITEM = `{
        "ref": "API-+213665983439-test-1761698196315-suggest",
        "status": "REFUNDED",
        "plan_code": "PREPAID_DJEZZY",
        "MSSIDN": "0600000002",
        "topup_amount": 500,
        "balance_amount": 0,
        "created_at": "2025-10-29T00:36:36.385Z",
        "_id": "69016194e9e88196b4eb64ce",
        "refund_message": "هذا رقم الهاتف لا يقبل العرض المرسل، الرجاء إرسال أحد العروض التالية",
        "suggested_offers": [
          {
            "typename": "📋 FACTURE | فاتورة",
            "plan_code": "FACTURE_DJEZZY",
            "amount": 500
          }
        ]
      }`;

// https://docs.oneclickdz.com/api-reference/mobile/list-topups — "Response Example", HTTP 200.
// ASSEMBLED: the stored copy is cut inside the second item (0600000001, REFUNDED), so the page
// keeps the first item only; the pagination below is ours and the page's meta is left out.
export const LIST_TOPUPS_PAGE = `{
  "success": true,
  "data": {
    "items": [
      ${LIST_TOPUPS_FIRST_ITEM}
    ],
    "pagination": {
      "page": 1,
      "pageSize": 20,
      "totalPages": 1,
      "totalResults": 1
    }
  }
}`;

// --- plans ------------------------------------------------------------------------------------

// https://docs.oneclickdz.com/api-reference/mobile/list-plans — "Response Example", HTTP 200.
// ASSEMBLED: the stored copy is cut inside the third dynamic plan; the two complete ones are
// verbatim, the empty fixedPlans and the missing meta are ours.
export const LIST_PLANS_PAGE = `{
  "success": true,
  "data": {
    "dynamicPlans": [
      {
        "code": "GROS_MOBILIS",
        "name": "📱 GROS MOBILIS | جملة",
        "operator": "GMobilis",
        "isEnabled": true,
        "min_amount": 5000,
        "max_amount": 300000
      },
      {
        "code": "PREPAID_DJEZZY",
        "name": "📱 PREPAID | عادي",
        "operator": "Djezzy",
        "cost": 0.9925,
        "isEnabled": true,
        "min_amount": 100,
        "max_amount": 10000
      }
    ],
    "fixedPlans": []
  }
}`;

// https://docs.oneclickdz.com/mobile-topup-guides/1-loading-plans — the plan objects of "Dynamic
// Plans", "GetMenu Plans" and "Fixed Plans", and PREPAID_MOBILIS from "Response Structure"
// (HTTP 200). ASSEMBLED: the objects are verbatim, the envelope around them is ours.
export const PLANS_GUIDE = `{
  "success": true,
  "data": {
    "dynamicPlans": [
      {
        "code": "PREPAID_DJEZZY",
        "name": "Djezzy Prepaid",
        "operator": "Djezzy",
        "cost": 0.98,
        "isEnabled": true,
        "min_amount": 50,
        "max_amount": 5000
      },
      {
        "code": "GETMENU_Mobilis",
        "name": "Mobilis GetMenu",
        "operator": "Mobilis",
        "cost": 0.98,
        "isEnabled": true,
        "min_amount": 50,
        "max_amount": 5000
      },
      {
        "code": "PREPAID_MOBILIS",
        "name": "📱 PREPAID | عادي",
        "operator": "Mobilis",
        "cost": 0.96,
        "isEnabled": true,
        "min_amount": 40,
        "max_amount": 3999
      }
    ],
    "fixedPlans": [
      {
        "code": "PIXX_500",
        "name": "Pixx 500 DA",
        "operator": "Pixx",
        "cost": 0.97,
        "isEnabled": true,
        "amount": 500
      }
    ]
  }
}`;
