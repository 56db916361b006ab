/** A rubric that uses every scoring method on small, hand-computable numbers (see test/core/engine.test.ts). */
export const ALL_METHODS_RUBRIC = `
id: all-methods
version: "1"
effective: { from: 2024-01-01 }
title: { ko: 시험 기준, en: Test rubric }
subject: provider
peerGroups: [region]
minCoverage: 60
fields:
  - { id: id, label: { ko: 기관코드 }, type: id, required: true }
  - { id: name, label: { ko: 기관명 }, type: text }
  - { id: region, label: { ko: 시도 }, type: text }
  - { id: x, label: { ko: 달성률 }, type: percent }
  - { id: base, label: { ko: 전년 달성률 }, type: percent }
  - { id: y, label: { ko: 만족도 }, type: number }
  - { id: lvl, label: { ko: 리더십 평정 }, type: level, values: [우수, 양호, 보통, 미흡, 부진] }
  - { id: turnover, label: { ko: 이직률 }, type: percent }
  - { id: users, label: { ko: 이용자 }, type: integer }
  - { id: ret, label: { ko: 재이용자 }, type: integer }
  - { id: sanction, label: { ko: 학대 처분 }, type: boolean }
  - { id: probe, label: { ko: 조사 중 }, type: boolean }
  - { id: late, label: { ko: 제출 지연 }, type: boolean }
domains:
  - { id: A, label: { ko: 가영역 }, points: 60 }
  - { id: B, label: { ko: 나영역 }, points: 40 }
indicators:
  - id: lin
    label: { ko: 선형 }
    domain: A
    points: 20
    field: x
    unit: "%"
    method: { kind: linear, low: 60, high: 90 }
  - id: band
    label: { ko: 구간 }
    domain: A
    points: 20
    field: y
    method:
      kind: bands
      bands:
        - { atLeast: 90, points: 20 }
        - { atLeast: 80, points: 16 }
        - { atLeast: 70, rating: 50 }
  - id: lvl
    label: { ko: 수준 }
    domain: A
    points: 20
    field: lvl
    method:
      kind: levels
      levels:
        - { level: 우수, points: 20 }
        - { level: 양호, points: 16 }
        - { level: 보통, points: 12 }
        - { level: 미흡, points: 8 }
        - { level: 부진, points: 4 }
  - id: lower
    label: { ko: 이직률 }
    domain: B
    points: 10
    direction: lower
    field: turnover
    method: { kind: linear, low: 5, high: 25 }
  - id: tgt
    label: { ko: 목표 }
    domain: B
    points: 10
    field: users
    method: { kind: target, target: 200 }
  - id: imp
    label: { ko: 개선 }
    domain: B
    points: 10
    field: x
    method: { kind: improvement, baseline: { field: base }, full: 10 }
  - id: reuse
    label: { ko: 재이용률 }
    domain: B
    points: 10
    formula: ret / users * 100
    missing: zero
    method:
      kind: bands
      bands:
        - { atLeast: 50, points: 10 }
        - { atLeast: 30, points: 5 }
total: { points: 100 }
grading:
  kind: bands
  bands:
    - { grade: S, min: 95 }
    - { grade: A, min: 85 }
    - { grade: B, min: 75 }
    - { grade: C, min: 65 }
    - { grade: D }
limiters:
  - { id: abuse, label: { ko: 학대 처분, en: Abuse sanction }, when: sanction, effect: { kind: setDomain, domain: B, points: 0 } }
  - { id: investigation, label: { ko: 조사 중, en: Under investigation }, when: probe, effect: { kind: withhold } }
  - { id: late-cap, label: { ko: 제출 지연, en: Late submission }, when: late == true, effect: { kind: capGrade, grade: C } }
followUps:
  - { grades: [S, A], action: { ko: 표창, en: Award } }
  - { grades: [B, C], action: { ko: 컨설팅, en: Consulting } }
`;
