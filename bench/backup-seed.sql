-- One batch of realistic CRM data for bench/backup.sh, run by psql in the tenant schema (search_path set by the
-- caller) with the variables :first (first unit number) and :units. A unit is one company with its people,
-- opportunities, tasks, notes, their links and timeline events, roughly 35 KB on disk with indexes.
-- Values vary (names, cities, words picked with a skew, random ids) so the data compresses like real CRM data,
-- a few times, not a hundred. Triggers stay on, so search_doc is computed exactly as the application's writes do.

\set ON_ERROR_STOP on
set synchronous_commit = off;

create function pg_temp.v7(ts timestamptz) returns uuid language sql volatile as $$
    select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(r, 14, 3)
            || '8' || substr(r, 18, 15))::uuid
      from (select replace(gen_random_uuid()::text, '-', '') as r) x
$$;
create function pg_temp.pick(arr text[]) returns text language sql volatile as $$
    select arr[1 + floor(power(random(), 1.5) * cardinality(arr))::int]
$$;
create function pg_temp.words(n int) returns text language sql volatile as $$
    select string_agg(w[1 + floor(power(random(), 1.7) * cardinality(w))::int], ' ')
      from generate_series(1, greatest(n, 1)) i,
           (select '{the,a,to,and,of,we,for,on,in,with,is,they,their,will,call,meeting,next,week,about,pricing,
                    proposal,contract,renewal,budget,team,demo,follow-up,integration,onboarding,discount,quarter,
                    decision,legal,review,security,questionnaire,signed,send,sent,asked,wants,needs,before,after,
                    Monday,Tuesday,Wednesday,Thursday,Friday,January,March,June,September,December,CFO,CTO,VP,
                    procurement,timeline,migration,pilot,users,seats,licences,annual,monthly,invoice,payment,
                    terms,competitor,Salesforce,HubSpot,Pipedrive,feedback,blocked,approved,champion,stakeholders,
                    workshop,kickoff,requirements,SSO,API,export,import,reporting,dashboard,mobile,support,SLA,
                    uptime,data,residency,GDPR,DPA,NDA,MSA,redlines,negotiation,expansion,upsell,churn,risk,
                    happy,concerned,interested,unclear,confirmed,postponed,rescheduled,reminder,office,London,
                    Berlin,Moscow,New,York,Paris,remote,travel,dinner,conference,webinar,trial,extended,price,
                    increase,per,seat,EUR,USD,GBP,k,%,—,"","",",",".",".",".",встреча,договор,счёт,оплата,
                    созвон,предложение,скидка,клиент,менеджер,директор,согласовать,отправить,неделе,понедельник}'
                    ::text[] as w) v
     where n >= 0
$$;

create temp table b_company as
select n, pg_temp.v7(now() - interval '5 years' + make_interval(secs => n * 600)) as id,
       pg_temp.pick('{Acme,Global,Northern,Blue,Silver,Bright,Rapid,Smart,Green,Prime,Vertex,Atlas,Nova,Polar,Summit,
                     Orbit,Quantum,Delta,Ural,Volga,Baltic,Pacific,Alpine,Urban,Coastal,Iron,Golden,Red,Open,First}')
       || ' ' || pg_temp.pick('{Systems,Logistics,Foods,Analytics,Energy,Robotics,Media,Health,Capital,Labs,Retail,
                     Motors,Software,Foundry,Textiles,Pharma,Telecom,Estates,Airlines,Brewing,Consulting,Security}')
       || ' ' || pg_temp.pick('{Ltd,GmbH,Inc,LLC,ООО,АО,plc,SA,BV,Group,Holdings,Partners}') as name,
       pg_temp.pick('{London,Berlin,Moscow,Paris,New York,Madrid,Amsterdam,Warsaw,Kazan,Munich,Boston,Austin,Dublin,
                     Lisbon,Prague,Vienna,Zurich,Stockholm,Oslo,Helsinki,Toronto,Chicago,Seattle,Novosibirsk,Riga}')
       as city,
       pg_temp.pick('{GB,DE,RU,FR,US,ES,NL,PL,RU,DE,US,US,IE,PT,CZ,AT,CH,SE,NO,FI,CA,US,US,RU,LV}') as country
  from generate_series(:first, :first + :units - 1) n;

insert into company (id, name, domain, employees, annual_revenue_amount, annual_revenue_currency, address_street,
                     address_city, address_postcode, address_country, owner_id, linkedin_url, x_url, ideal_customer,
                     custom, created_at, created_by, updated_at, updated_by)
select id, name, lower(replace(split_part(name, ' ', 1) || split_part(name, ' ', 2), ' ', '')) || '-' || n || '.com',
       (power(random(), 3) * 20000)::int, (random() * 1e10)::bigint,
       pg_temp.pick('{USD,EUR,GBP,RUB}'),
       (1 + (random() * 300)::int) || ' ' || pg_temp.pick('{High Street,Main Street,Hauptstraße,ул. Ленина,Rue de la Paix,
                     Station Road,Park Avenue,Church Lane,Mill Road,Broadway}'),
       city, upper(substr(md5(random()::text), 1, 3)) || ' ' || (10 + (random() * 89)::int), country,
       ('00000000-0000-7000-8000-0000000000' || lpad((random() * 20)::int::text, 2, '0'))::uuid,
       'https://www.linkedin.com/company/' || lower(replace(name, ' ', '-')) || '-' || n,
       case when random() < 0.3 then 'https://x.com/' || lower(split_part(name, ' ', 1)) || n end,
       random() < 0.15,
       jsonb_build_object('industry', pg_temp.pick('{SaaS,Manufacturing,Retail,Finance,Healthcare,Logistics,Energy,
                     Media,Education,Government}'),
                          'tier', pg_temp.pick('{A,B,C}'), 'source', pg_temp.pick('{inbound,outbound,partner,event,referral}'),
                          'arr', (random() * 500000)::int, 'notes', pg_temp.words(5 + (random() * 20)::int)),
       now() - interval '5 years' + make_interval(secs => n * 600), 'seed',
       now() - interval '1 year' + make_interval(secs => n * 60), 'seed'
  from b_company;

create temp table b_person as
select c.n * 8 + k as n, c.id as company_id, c.city, c.n as cn,
       pg_temp.v7(now() - interval '4 years' + make_interval(secs => (c.n * 8 + k) * 90)) as id,
       pg_temp.pick('{James,Mary,John,Patricia,Robert,Jennifer,Michael,Linda,David,Elizabeth,William,Barbara,Richard,
                     Susan,Thomas,Jessica,Anna,Olga,Ivan,Sergey,Elena,Dmitry,Natalia,Alexei,Maria,Pierre,Sophie,Hans,
                     Greta,Lukas,Emma,Noah,Mia,Oliver,Ava,Liam,Иван,Ольга,Сергей,Анна,Дмитрий,Наталья}') as first_name,
       pg_temp.pick('{Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Müller,Schmidt,Schneider,Fischer,Dubois,
                     Martin,Bernard,Ivanov,Petrov,Sidorov,Smirnov,Kuznetsov,Popov,Novak,Kowalski,Nowak,Rossi,Russo,
                     Jansen,de Vries,O''Brien,Murphy,Иванов,Петров,Смирнов,Кузнецов,Wilson,Taylor,Clark,Lewis}')
       as last_name
  from b_company c, generate_series(0, 7) k;

insert into person (id, first_name, last_name, primary_email, additional_emails, primary_phone, additional_phones,
                    job_title, city, company_id, avatar_url, linkedin_url, custom, created_at, created_by, updated_at,
                    updated_by)
select id, first_name, last_name,
       lower(translate(first_name || '.' || last_name, ' ''ü', '--u')) || '.' || n || '@' || pg_temp.pick('{gmail.com,
                     outlook.com,yandex.ru,mail.ru,company.com,example.org,proton.me,icloud.com}'),
       case when random() < 0.1 then array[lower(translate(first_name, ' ''ü', '--u')) || n || '@work.example'] else '{}' end,
       '+' || pg_temp.pick('{1,44,49,7,33,34,31}') || (1000000000 + (random() * 8999999999)::bigint),
       case when random() < 0.05 then array['+4420' || (10000000 + (random() * 89999999)::bigint)] else '{}' end,
       pg_temp.pick('{CEO,CTO,CFO,VP Sales,Head of Procurement,Account Manager,Software Engineer,Office Manager,
                     Product Manager,Marketing Director,Operations Lead,Generalist,Директор,Менеджер по закупкам}'),
       city, company_id,
       case when random() < 0.4 then 'https://cdn.example.com/avatars/' || md5(id::text) || '.png' end,
       case when random() < 0.5 then 'https://www.linkedin.com/in/' || lower(translate(first_name || '-' || last_name,
                     ' ''ü', '--u')) || '-' || n end,
       jsonb_build_object('lead_score', (random() * 100)::int, 'language', pg_temp.pick('{en,de,ru,fr,es}'),
                          'newsletter', random() < 0.5, 'hobby', pg_temp.words(2 + (random() * 4)::int)),
       now() - interval '4 years' + make_interval(secs => n * 90), 'seed',
       now() - interval '6 months' + make_interval(secs => n * 10), 'seed'
  from b_person;

create temp table b_opportunity as
select c.n * 2 + k as n, c.id as company_id, c.name as company_name,
       (select p.id from b_person p where p.cn = c.n order by p.n limit 1 offset k) as contact_id,
       pg_temp.v7(now() - interval '3 years' + make_interval(secs => (c.n * 2 + k) * 300)) as id
  from b_company c, generate_series(0, 1) k;

insert into opportunity (id, name, amount_minor, currency, close_date, pipeline_id, stage, probability, company_id,
                         point_of_contact_id, owner_id, custom, created_at, created_by, updated_at, updated_by)
select o.id, o.company_name || ' — ' || pg_temp.pick('{renewal,expansion,new business,pilot,upsell,migration}')
       || ' ' || (2022 + (random() * 4)::int), (random() * 1e8)::bigint, pg_temp.pick('{USD,EUR,GBP,RUB}'),
       current_date - 700 + (random() * 1000)::int, s.pipeline_id, s.key, s.probability, o.company_id, o.contact_id,
       ('00000000-0000-7000-8000-0000000000' || lpad((random() * 20)::int::text, 2, '0'))::uuid,
       jsonb_build_object('lead_source', pg_temp.pick('{web,event,partner,cold call}'),
                          'competitor', pg_temp.pick('{none,Salesforce,HubSpot,Pipedrive}'),
                          'next_step', pg_temp.words(4 + (random() * 10)::int)),
       now() - interval '3 years' + make_interval(secs => o.n * 300), 'seed', now(), 'seed'
  from b_opportunity o
  cross join lateral (select pipeline_id, key, probability from pipeline_stage
                       order by position offset (o.n * 0 + floor(random() * 6))::int limit 1) s;

create temp table b_task as
select c.n * 6 + k as n, c.id as company_id, pg_temp.v7(now() - interval '2 years' + make_interval(secs => (c.n * 6 + k) * 60)) as id
  from b_company c, generate_series(0, 5) k;

insert into task (id, title, body, due_at, status, assignee_id, custom, created_at, created_by, updated_at, updated_by)
select id, pg_temp.pick('{Call,Email,Send proposal to,Follow up with,Schedule demo for,Prepare contract for,Позвонить}')
       || ' ' || pg_temp.words(2 + (random() * 5)::int),
       case when random() < 0.8 then pg_temp.words(10 + (random() * 60)::int) end,
       now() - interval '1 year' + make_interval(secs => n * 30 + (random() * 86400)::int),
       pg_temp.pick('{DONE,DONE,TODO,IN_PROGRESS}'),
       ('00000000-0000-7000-8000-0000000000' || lpad((random() * 20)::int::text, 2, '0'))::uuid,
       case when random() < 0.3 then jsonb_build_object('priority', pg_temp.pick('{low,normal,high}')) else '{}' end,
       now() - interval '2 years' + make_interval(secs => n * 60), 'seed', now(), 'seed'
  from b_task;

insert into task_target (task_id, company_id)
select id, company_id from b_task;
insert into task_target (task_id, person_id)
select t.id, p.id from b_task t join b_person p on p.n = (t.n / 6) * 8 + (t.n % 6) where random() < 0.7;

create temp table b_note as
select c.n * 6 + k as n, c.id as company_id, pg_temp.v7(now() - interval '2 years' + make_interval(secs => (c.n * 6 + k) * 60)) as id
  from b_company c, generate_series(0, 5) k;

insert into note (id, title, body, custom, created_at, created_by, updated_at, updated_by)
select id, case when random() < 0.7 then pg_temp.words(3 + (random() * 6)::int) end,
       pg_temp.words(20 + (power(random(), 2) * 400)::int),
       '{}', now() - interval '2 years' + make_interval(secs => n * 60), 'seed', now(), 'seed'
  from b_note;

insert into note_target (note_id, company_id)
select id, company_id from b_note;
insert into note_target (note_id, opportunity_id)
select n.id, o.id from b_note n join b_opportunity o on o.n = (n.n / 6) * 2 + (n.n % 2) where random() < 0.5;

-- one CREATED event per record with the record as its diff, plus a few UPDATED events. As in the application,
-- an event's id is a UUID v7 of the moment it is written, so the table's physical order follows its ids.
insert into timeline_event (id, occurred_at, actor, object, record_id, action, diff)
select pg_temp.v7(clock_timestamp()), r.created_at, 'seed', r.object, r.id, 'CREATED', r.diff
  from (select * from (select 'company' as object, c.id, c.created_at,
               jsonb_strip_nulls(to_jsonb(c) - 'search_doc' - 'id' - 'version') as diff
          from company c join b_company b using (id)
        union all
        select 'person', p.id, p.created_at, jsonb_strip_nulls(to_jsonb(p) - 'search_doc' - 'id' - 'version')
          from person p join b_person b using (id)
        union all
        select 'opportunity', o.id, o.created_at, jsonb_strip_nulls(to_jsonb(o) - 'search_doc' - 'id' - 'version')
          from opportunity o join b_opportunity b using (id)
        union all
        select 'task', t.id, t.created_at, jsonb_strip_nulls(to_jsonb(t) - 'id' - 'version')
          from task t join b_task b using (id)) u order by created_at) r;

insert into timeline_event (id, occurred_at, actor, object, record_id, action, diff)
select pg_temp.v7(clock_timestamp()), ts, pg_temp.pick('{alice@example.com,bob@example.com,ivan@example.ru,seed}'), 'opportunity',
       o.id, 'UPDATED',
       jsonb_build_object('stage', jsonb_build_object('from', 'NEW', 'to', pg_temp.pick('{SCREENING,MEETING,PROPOSAL}')),
                          'amountMinor', jsonb_build_object('from', (random() * 1e7)::bigint, 'to', (random() * 1e7)::bigint))
  from b_opportunity o, generate_series(1, 3) k,
       lateral (select now() - interval '1 year' + make_interval(secs => o.n * 100 + k * 3600) as ts) t;
