<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ConsoleApp</name>
    <message>
        <source>The server address %1 is not valid; write it as HOST:PORT, or several as HOST:PORT,HOST:PORT with the preferred one first.</source>
        <translation>서버 주소 %1이(가) 올바르지 않습니다. ‘주소:포트’ 형식으로 쓰고, 여러 개이면 우선할 것부터 쉼표로 구분해 쓰십시오 (예: 10.0.0.5:7600,10.1.0.5:7600).</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read. Type the password instead.</source>
        <translation>비밀번호 파일 %1을(를) 읽을 수 없습니다. 비밀번호를 직접 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1/s</source>
        <translation>초당 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>Smooth</source>
        <translation>원활</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Congested</source>
        <translation>혼잡</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
</context>
<context>
    <name>LinkText</name>
    <message>
        <source>the server speaks another protocol version; this console needs updating</source>
        <translation>서버의 프로토콜 버전이 다릅니다. 콘솔을 업데이트해야 합니다</translation>
    </message>
    <message>
        <source>the user name or password was not accepted</source>
        <translation>사용자 이름 또는 비밀번호가 맞지 않습니다</translation>
    </message>
    <message>
        <source>the server could not understand this console</source>
        <translation>서버가 이 콘솔의 요청을 이해하지 못했습니다</translation>
    </message>
    <message>
        <source>the sign-in took too long</source>
        <translation>로그인 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>서버가 종료되는 중입니다</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
    <message>
        <source> Trying again in %1 (attempt %2).</source>
        <translation> %1 후 다시 시도합니다(%2번째 시도).</translation>
    </message>
    <message>
        <source>Connecting to the server (attempt %1)…</source>
        <translation>서버에 연결하는 중…(%1번째 시도)</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>서버에 연결하는 중…</translation>
    </message>
    <message>
        <source>Connected; waiting for the server to accept this console…</source>
        <translation>연결됨. 서버의 접속 승인을 기다리는 중…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>The server refused this console: %1.</source>
        <translation>서버가 접속을 거부했습니다: %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>서버에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>아직 데이터 없음</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 전</translation>
    </message>
    <message>
        <source>No data yet. %1</source>
        <translation>아직 데이터가 없습니다. %1</translation>
    </message>
    <message>
        <source>Data is stale: last update %1. %2</source>
        <translation>데이터가 최신이 아닙니다: 마지막 수신 %1. %2</translation>
    </message>
    <message>
        <source>no server address is set (--server HOST:PORT)</source>
        <translation>서버 주소가 지정되지 않았습니다. --server 뒤에 ‘주소:포트’로 지정하십시오 (예: 10.0.0.5:7600)</translation>
    </message>
    <message>
        <source>no CA certificate file is set; give it with --ca</source>
        <translation>CA 인증서 파일이 지정되지 않았습니다. --ca로 지정하십시오</translation>
    </message>
    <message>
        <source>cannot read a CA certificate from %1; check the file given with --ca</source>
        <translation>%1에서 CA 인증서를 읽을 수 없습니다. --ca로 지정한 파일을 확인하십시오</translation>
    </message>
    <message>
        <source>the server's certificate is not signed by the CA in %1; check --ca and that the CA file belongs to this server</source>
        <translation>서버 인증서를 신뢰할 수 없습니다: %1의 CA가 서명한 인증서가 아닙니다. --ca 옵션과 CA 파일이 이 서버의 것인지 확인하십시오</translation>
    </message>
    <message>
        <source>the secure (TLS) connection could not be set up; check --ca and the server's certificate</source>
        <translation>보안 연결(TLS)을 맺지 못했습니다. --ca로 지정한 CA 파일과 서버 인증서를 확인하십시오</translation>
    </message>
    <message>
        <source>nothing answers at %1; is the server running?</source>
        <translation>%1에서 응답이 없습니다. 서버가 실행 중인지 확인하십시오</translation>
    </message>
    <message>
        <source>the host %1 was not found</source>
        <translation>호스트 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>the network connection to %1 failed</source>
        <translation>%1에 대한 네트워크 연결에 실패했습니다</translation>
    </message>
    <message>
        <source>the server did not accept this console in time</source>
        <translation>서버가 제한 시간 안에 이 콘솔을 받아들이지 않았습니다</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>서버가 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>the server closed the connection while signing in</source>
        <translation>로그인 중에 서버가 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>nothing came from the server for too long</source>
        <translation>서버로부터 너무 오랫동안 아무것도 받지 못했습니다</translation>
    </message>
    <message>
        <source>the server sent something this console cannot read</source>
        <translation>서버가 이 콘솔이 읽을 수 없는 데이터를 보냈습니다</translation>
    </message>
    <message>
        <source> Not trying again until the password is given again.</source>
        <translation> 비밀번호를 다시 입력할 때까지 다시 시도하지 않습니다.</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>1분</translation>
    </message>
    <message>
        <source>too many failed sign-ins for this user from many places; the user is held back everywhere for %1</source>
        <translation>여러 곳에서 이 사용자의 로그인 실패가 너무 많아 모든 곳에서 %1 동안 로그인이 막혔습니다</translation>
    </message>
    <message>
        <source>too many failed sign-ins for this user from this computer; try again in %1. Colleagues signing in from elsewhere are not affected</source>
        <translation>이 컴퓨터에서 이 사용자의 로그인 실패가 너무 많습니다. %1 후에 다시 시도하십시오. 다른 곳에서 로그인하는 동료는 영향을 받지 않습니다</translation>
    </message>
    <message>
        <source>Switching to the %1…</source>
        <translation>%1로 전환하는 중…</translation>
    </message>
    <message>
        <source>Switching to the %1: signing in…</source>
        <translation>%1로 전환하는 중: 로그인하는 중…</translation>
    </message>
    <message>
        <source>%1 gateway</source>
        <comment>a gateway named by its room or its address</comment>
        <translation>%1 게이트웨이</translation>
    </message>
</context>
<context>
    <name>LiveClock</name>
    <message>
        <source>(gateway clock)</source>
        <translation>(게이트웨이 시각)</translation>
    </message>
</context>
<context>
    <name>Phrase</name>
    <message>
        <source>set admission rate to {rate}/s</source>
        <translation>입장 속도를 초당 {rate}명으로 설정</translation>
    </message>
    <message>
        <source>pause admission</source>
        <translation>입장 일시 중지</translation>
    </message>
    <message>
        <source>resume admission</source>
        <translation>입장 재개</translation>
    </message>
    <message>
        <source>enable provider {provider}</source>
        <translation>{provider} 인증 재개</translation>
    </message>
    <message>
        <source>disable provider {provider}</source>
        <translation>{provider} 인증 중단</translation>
    </message>
    <message>
        <source>disable provider {provider} for {seconds} s</source>
        <translation>{provider} 인증 {seconds}초간 중단</translation>
    </message>
    <message>
        <source>approve request {request}</source>
        <translation>요청 {request} 승인</translation>
    </message>
    <message>
        <source>acknowledge alert {alert}</source>
        <translation>경보 {alert} 확인</translation>
    </message>
    <message>
        <source>shelve alert {alert}</source>
        <translation>경보 {alert} 보류</translation>
    </message>
    <message>
        <source>unshelve alert {alert}</source>
        <translation>경보 {alert} 보류 해제</translation>
    </message>
    <message>
        <source>(no action)</source>
        <translation>(동작 없음)</translation>
    </message>
    <message>
        <source>{command} (stale data, overridden)</source>
        <translation>{command} (지연 데이터, 무시하고 실행)</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>적용됨</translation>
    </message>
    <message>
        <source>pending approval</source>
        <translation>승인 대기</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>충돌</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>유효하지 않음</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>{status}: {detail}</source>
        <translation>{status}: {detail}</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <source>the command has no command_id</source>
        <translation>명령에 명령 번호(command_id)가 없습니다</translation>
    </message>
    <message>
        <source>the command has no action</source>
        <translation>명령에 동작이 없습니다</translation>
    </message>
    <message>
        <source>an approval needs the request_id</source>
        <translation>승인에는 요청 번호가 필요합니다</translation>
    </message>
    <message>
        <source>a reason must be given</source>
        <translation>사유를 입력해야 합니다</translation>
    </message>
    <message>
        <source>the admission rate must be from {min} to {max} per second, not {rate}</source>
        <translation>입장 속도는 초당 {min}–{max}명이어야 합니다 ({rate}명은 범위 밖)</translation>
    </message>
    <message>
        <source>there is no provider "{provider}"</source>
        <translation>인증 수단 “{provider}”이(가) 없습니다</translation>
    </message>
    <message>
        <source>the command names no alert</source>
        <translation>명령에 경보가 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>there is no open alert "{alert}"</source>
        <translation>열린 경보 “{alert}”이(가) 없습니다</translation>
    </message>
    <message>
        <source>this server runs no alert engine</source>
        <translation>이 서버에는 경보 엔진이 없습니다</translation>
    </message>
    <message>
        <source>this session has the viewer role: commands are not allowed</source>
        <translation>이 접속은 조회 권한이라 명령을 보낼 수 없습니다</translation>
    </message>
    <message>
        <source>operators may not enable providers</source>
        <translation>운영자는 인증 수단을 재개할 수 없습니다 (감독자만 가능)</translation>
    </message>
    <message>
        <source>operators may not disable providers</source>
        <translation>운영자는 인증 수단을 중단할 수 없습니다 (감독자만 가능)</translation>
    </message>
    <message>
        <source>only supervisors may approve requests</source>
        <translation>요청은 감독자만 승인할 수 있습니다</translation>
    </message>
    <message>
        <source>a request must be approved by a different supervisor</source>
        <translation>요청은 다른 감독자가 승인해야 합니다</translation>
    </message>
    <message>
        <source>only supervisors may shelve a critical alert</source>
        <translation>긴급 경보는 감독자만 보류할 수 있습니다</translation>
    </message>
    <message>
        <source>the server takes no commands</source>
        <translation>이 서버는 명령을 받지 않습니다</translation>
    </message>
    <message>
        <source>this gateway watches the live system without steering it (it has no control webhook)</source>
        <translation>이 게이트웨이는 운영 시스템을 지켜보기만 하고 조정하지 않습니다 (제어 연결 없음)</translation>
    </message>
    <message>
        <source>the live system's clock is not known yet (its figures have not arrived), so a disable for a set time cannot be timed; disable until re-enabled by hand, or wait for the figures</source>
        <translation>운영 시스템의 시계를 아직 알 수 없어(수치가 들어오지 않음) 시간 지정 중단을 예약할 수 없습니다. 직접 다시 켤 때까지 중단하거나, 수치가 들어올 때까지 기다리십시오</translation>
    </message>
    <message>
        <source>the figures this control depends on are stale ({figures}: {cause}); look again when they are fresh, or send it with the stale-data override</source>
        <translation>이 조치가 기대는 수치가 지연되었습니다 ({figures}: {cause}). 수치가 새로 들어오면 다시 보거나, 지연 데이터 무시를 선택해 보내십시오</translation>
    </message>
    <message>
        <source>the monitoring source does not answer</source>
        <translation>모니터링 원천이 응답하지 않음</translation>
    </message>
    <message>
        <source>its query fails</source>
        <translation>조회 실패</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>데이터 없음</translation>
    </message>
    <message>
        <source>the live system's scrape target is down</source>
        <translation>운영 시스템 수집 대상 중단</translation>
    </message>
    <message>
        <source>not fresh</source>
        <translation>최신 아님</translation>
    </message>
    <message>
        <source>the controls are at revision {now}, not {expected}</source>
        <translation>제어 상태가 이미 {expected}판이 아닌 {now}판입니다</translation>
    </message>
    <message>
        <source>the controls are at revision {now}, not {expected}; last changed by {user} ({site}) at {time_wall_ms}: {reason}</source>
        <translation>제어 상태가 이미 {expected}판이 아닌 {now}판입니다. 마지막 변경: {user}, {time_wall_ms}: {reason}</translation>
    </message>
    <message>
        <source>request {request} waits for a second supervisor</source>
        <translation>요청 {request}이(가) 다른 감독자의 승인을 기다립니다</translation>
    </message>
    <message>
        <source>there is no pending request {request} (it expired, was already decided, or never existed)</source>
        <translation>대기 중인 요청 {request}이(가) 없습니다 (만료되었거나 이미 결정되었거나 없던 요청)</translation>
    </message>
    <message>
        <source>not approved within {minutes} min</source>
        <translation>{minutes}분 안에 승인되지 않음</translation>
    </message>
    <message>
        <source>approved {requester}'s request to {command}</source>
        <translation>{requester}의 요청 승인: {command}</translation>
    </message>
    <message>
        <source>approved by {approver} (request {request})</source>
        <translation>{approver} 승인 (요청 {request})</translation>
    </message>
    <message>
        <source>ramping in over {seconds} s</source>
        <translation>{seconds}초에 걸쳐 단계적 복귀</translation>
    </message>
    <message>
        <source>the audit log could not be written, so nothing was done: {error}</source>
        <translation>감사 기록을 쓰지 못해 아무것도 하지 않았습니다: {error}</translation>
    </message>
    <message>
        <source>the shared state store cannot be reached</source>
        <translation>공유 상태 저장소에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>the state store did not take the write</source>
        <translation>상태 저장소가 기록을 받아들이지 않았습니다</translation>
    </message>
    <message>
        <source>recorded late, at {recorded_wall_ms}: the audit log could not be written when it happened</source>
        <translation>{recorded_wall_ms}에 늦게 기록됨: 발생 당시 감사 기록을 쓸 수 없었습니다</translation>
    </message>
    <message>
        <source>{count} audit rows lost, from {first_wall_ms} to {last_wall_ms}</source>
        <translation>감사 기록 {count}건 유실 ({first_wall_ms}부터 {last_wall_ms}까지)</translation>
    </message>
    <message>
        <source>at most {capacity} audit rows wait in memory while the audit log cannot be written</source>
        <translation>감사 기록을 쓸 수 없는 동안 메모리에는 최대 {capacity}건만 대기합니다</translation>
    </message>
    <message>
        <source>the live system did not apply it: {reason}</source>
        <translation>운영 시스템이 적용하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>sent to the live system</source>
        <translation>운영 시스템에 전송함</translation>
    </message>
    <message>
        <source>accepted by the live system in {elapsed} ms</source>
        <translation>운영 시스템이 {elapsed}밀리초 만에 수락함</translation>
    </message>
    <message>
        <source>applied in the gateway's process</source>
        <translation>게이트웨이 안에서 적용함</translation>
    </message>
    <message>
        <source>effect seen after {seconds} s: {expectation}</source>
        <translation>{seconds}초 뒤 효과 확인: {expectation}</translation>
    </message>
    <message>
        <source>effect seen after {seconds} s (late): {expectation}</source>
        <translation>{seconds}초 뒤 효과 확인 (늦음): {expectation}</translation>
    </message>
    <message>
        <source>effect not seen within {seconds} s: waited for {expectation}</source>
        <translation>{seconds}초 안에 효과 미확인: 기다린 변화 {expectation}</translation>
    </message>
    <message>
        <source>{user} asks to {command}; a second supervisor must approve within {minutes} min</source>
        <translation>{user}의 요청: {command}. 다른 감독자가 {minutes}분 안에 승인해야 합니다</translation>
    </message>
    <message>
        <source>{user} did: {command}</source>
        <translation>{user}: {command}</translation>
    </message>
    <message>
        <source>{approver} approved {requester}'s request to {command}</source>
        <translation>{approver}이(가) {requester}의 요청을 승인: {command}</translation>
    </message>
    <message>
        <source>{requester}'s request to {command} expired unapproved</source>
        <translation>{requester}의 요청이 승인 없이 만료됨: {command}</translation>
    </message>
    <message>
        <source>provider {provider} re-enabled at the end of its timed disable; ramping in over {seconds} s</source>
        <translation>{provider} 인증이 시한 중단을 마치고 재개됨. {seconds}초에 걸쳐 단계적 복귀</translation>
    </message>
    <message>
        <source>control revision raised from {from} to {to} to follow the live system</source>
        <translation>운영 시스템을 따라 제어 상태를 {from}판에서 {to}판으로 올림</translation>
    </message>
    <message>
        <source>approved {requester}'s request: {reason}</source>
        <translation>{requester}의 요청 승인: {reason}</translation>
    </message>
    <message>
        <source>not approved in time</source>
        <translation>시한 안에 승인되지 않음</translation>
    </message>
    <message>
        <source>timed disable ended</source>
        <translation>시한 중단 종료</translation>
    </message>
    <message>
        <source>the live system has applied revision {revision}</source>
        <translation>운영 시스템이 {revision}판을 적용함</translation>
    </message>
    <message>
        <source>its control endpoint reports revision {revision}</source>
        <translation>운영 시스템 제어 창구가 {revision}판을 알림</translation>
    </message>
    <message>
        <source>closed-loop check: {expectation}</source>
        <translation>효과 확인: {expectation}</translation>
    </message>
    <message>
        <source>expire request {request} ({command} by {requester})</source>
        <translation>요청 {request} 만료 ({requester}의 {command})</translation>
    </message>
    <message>
        <source>follow the live system's control revision</source>
        <translation>운영 시스템의 제어 상태 판 따르기</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>alert {alert} {transition} ({key})</source>
        <translation>경보 {alert} {transition} ({key})</translation>
    </message>
    <message>
        <source>verify {action} (command {command_id}, revision {revision})</source>
        <translation>효과 확인: {action} (명령 {command_id}, {revision}판)</translation>
    </message>
    <message>
        <source>signed in as {role}</source>
        <translation>{role}로 로그인</translation>
    </message>
    <message>
        <source>too many failed attempts for this user from all addresses</source>
        <translation>이 사용자의 실패가 여러 곳에서 너무 많음</translation>
    </message>
    <message>
        <source>too many failed attempts from {address}</source>
        <translation>{address}에서 실패가 너무 많음</translation>
    </message>
    <message>
        <source>no password from {address}</source>
        <translation>{address}에서 비밀번호 없이 접속</translation>
    </message>
    <message>
        <source>wrong password from {address}</source>
        <translation>{address}에서 비밀번호 틀림</translation>
    </message>
    <message>
        <source>unknown user from {address}</source>
        <translation>{address}에서 없는 사용자</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>조회자</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>운영자</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>감독자</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{severity}: {message} (value {value}, threshold {threshold} {unit})</source>
        <translation>{severity}: {message} (값 {value}, 기준 {threshold} {unit})</translation>
    </message>
    <message>
        <source>runbook step taken: {step}</source>
        <translation>수행한 조치 단계: {step}</translation>
    </message>
    <message>
        <source>shelved until {until_ms} (live system's clock)</source>
        <translation>{until_ms}까지 보류 (운영 시스템 시각)</translation>
    </message>
    <message>
        <source>alert {alert} is {state}; only an unacknowledged alert can be acknowledged</source>
        <translation>경보 {alert}은(는) {state} 상태입니다. 미확인 경보만 확인할 수 있습니다</translation>
    </message>
    <message>
        <source>alert {alert} is {state} and cannot be shelved</source>
        <translation>경보 {alert}은(는) {state} 상태라 보류할 수 없습니다</translation>
    </message>
    <message>
        <source>alert {alert} is {state}, not shelved</source>
        <translation>경보 {alert}은(는) 보류 중이 아니라 {state} 상태입니다</translation>
    </message>
    <message>
        <source>an alert is shelved for 15 minutes to 12 hours, not {seconds} seconds</source>
        <translation>경보는 15분에서 12시간까지 보류할 수 있습니다 ({seconds}초는 범위 밖)</translation>
    </message>
    <message>
        <source>shelving an alert needs a reason</source>
        <translation>경보를 보류하려면 사유가 필요합니다</translation>
    </message>
    <message>
        <source>there is no alert {alert}</source>
        <translation>경보 {alert}이(가) 없습니다</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>악화</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>returned to normal</source>
        <translation>정상 복귀</translation>
    </message>
    <message>
        <source>active again</source>
        <translation>재발생</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>해제</translation>
    </message>
    <message>
        <source>shelved</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>unshelved</source>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>unshelved at expiry</source>
        <translation>보류 만료</translation>
    </message>
    <message>
        <source>regrouped for the flood</source>
        <translation>폭주 묶음 변경</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>active, unacknowledged</source>
        <translation>발생·미확인</translation>
    </message>
    <message>
        <source>active, acknowledged</source>
        <translation>발생·확인됨</translation>
    </message>
    <message>
        <source>returned to normal, unacknowledged</source>
        <translation>정상복귀 미확인</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>major</source>
        <translation>주요</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>경미</translation>
    </message>
    <message>
        <source>info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}, {then}</translation>
    </message>
    <message>
        <source>admission.rate_limit_per_s = {rate}</source>
        <translation>입장 속도 제한이 초당 {rate}명</translation>
    </message>
    <message>
        <source>admission.paused and admitted_per_s = 0</source>
        <translation>입장 중지, 입장 인원 초당 0명</translation>
    </message>
    <message>
        <source>admission not paused</source>
        <translation>입장 중지 풀림</translation>
    </message>
    <message>
        <source>provider.{provider}.light != suspended</source>
        <translation>{provider} 신호등이 중단이 아님</translation>
    </message>
    <message>
        <source>provider.{provider}.light = suspended and requests_per_s near 0</source>
        <translation>{provider} 신호등이 중단, 요청이 거의 0</translation>
    </message>
    <message>
        <source>{user} asks to {command}; the {room} room is in command, so a supervisor of the {room} room must approve within {minutes} min</source>
        <translation>{user}의 요청: {command}. {room} 상황실이 지휘 중이므로 {room} 감독자가 {minutes}분 안에 승인해야 합니다</translation>
    </message>
    <message>
        <source>request a handover of command</source>
        <translation>지휘 인계 요청</translation>
    </message>
    <message>
        <source>accept handover {request}</source>
        <translation>지휘 인계 {request} 수락</translation>
    </message>
    <message>
        <source>decline handover {request}</source>
        <translation>지휘 인계 {request} 거절</translation>
    </message>
    <message>
        <source>withdraw handover {request}</source>
        <translation>지휘 인계 {request} 철회</translation>
    </message>
    <message>
        <source>answer handover {request}</source>
        <translation>지휘 인계 {request} 응답</translation>
    </message>
    <message>
        <source>take command</source>
        <translation>지휘권 인수</translation>
    </message>
    <message>
        <source>offer command of the {from_room} room to the {to_room} room</source>
        <translation>{from_room} 상황실의 지휘를 {to_room} 상황실에 인계 요청</translation>
    </message>
    <message>
        <source>ask the {from_room} room to hand command to the {to_room} room</source>
        <translation>{from_room} 상황실에 {to_room} 상황실로의 지휘 인계 요청</translation>
    </message>
    <message>
        <source>take command from the {from_room} room for the {to_room} room</source>
        <translation>{from_room} 상황실의 지휘권을 {to_room} 상황실이 인수</translation>
    </message>
    <message>
        <source>expire handover {request} (from the {from_room} room to the {to_room} room, asked by {requester})</source>
        <translation>지휘 인계 {request} 만료 ({from_room} 상황실 → {to_room} 상황실, {requester} 요청)</translation>
    </message>
    <message>
        <source>request {request} waits: the {room} room is in command, so a supervisor of the {room} room must approve</source>
        <translation>요청 {request} 대기: {room} 상황실이 지휘 중: {room} 감독자의 승인이 필요합니다</translation>
    </message>
    <message>
        <source>handover {request} waits for a supervisor of the {room} room to accept</source>
        <translation>지휘 인계 {request}이(가) {room} 상황실 감독자의 수락을 기다립니다</translation>
    </message>
    <message>
        <source>the {to_room} room is in command now (was the {from_room} room)</source>
        <translation>이제 {to_room} 상황실이 지휘합니다 (이전: {from_room} 상황실)</translation>
    </message>
    <message>
        <source>handover {request} declined: the {room} room stays in command</source>
        <translation>지휘 인계 {request} 거절됨: {room} 상황실이 계속 지휘합니다</translation>
    </message>
    <message>
        <source>handover {request} withdrawn: the {room} room stays in command</source>
        <translation>지휘 인계 {request} 철회됨: {room} 상황실이 계속 지휘합니다</translation>
    </message>
    <message>
        <source>takeover: the {to_room} room is in command now; the {from_room} room's gateway was last seen {seconds} s ago</source>
        <translation>지휘권 인수: 이제 {to_room} 상황실이 지휘합니다. {from_room} 상황실 게이트웨이는 {seconds}초 전에 마지막으로 확인되었습니다</translation>
    </message>
    <message>
        <source>takeover: the {to_room} room is in command now; no gateway of the {from_room} room has ever been seen (this gateway allows that)</source>
        <translation>지휘권 인수: 이제 {to_room} 상황실이 지휘합니다. {from_room} 상황실 게이트웨이는 확인된 적이 없습니다 (이 게이트웨이 설정이 허용함)</translation>
    </message>
    <message>
        <source>the {room} room is in command: only a supervisor of the {room} room may approve</source>
        <translation>{room} 상황실이 지휘 중: {room} 감독자만 승인할 수 있습니다</translation>
    </message>
    <message>
        <source>only a supervisor may hand over or take command</source>
        <translation>지휘 인계와 인수는 감독자만 할 수 있습니다</translation>
    </message>
    <message>
        <source>only a supervisor of the Seoul or Osong room may hand over or take command</source>
        <translation>지휘 인계와 인수는 서울 또는 오송 상황실 감독자만 할 수 있습니다</translation>
    </message>
    <message>
        <source>handover {request} is waiting already: answer or withdraw it first</source>
        <translation>지휘 인계 {request}이(가) 이미 대기 중입니다: 먼저 응답하거나 철회하십시오</translation>
    </message>
    <message>
        <source>handover {request} is answered by a supervisor of the {room} room</source>
        <translation>지휘 인계 {request}에는 {room} 상황실 감독자가 응답합니다</translation>
    </message>
    <message>
        <source>handover {request} can be withdrawn only by a supervisor of the {room} room, which asked</source>
        <translation>지휘 인계 {request}은(는) 요청한 {room} 상황실의 감독자만 철회할 수 있습니다</translation>
    </message>
    <message>
        <source>the {room} room is in command already</source>
        <translation>이미 {room} 상황실이 지휘 중입니다</translation>
    </message>
    <message>
        <source>this gateway serves the {room} room, which is in command, and it is running: ask for a handover</source>
        <translation>이 게이트웨이는 지휘 중인 {room} 상황실의 게이트웨이이며 동작 중입니다: 지휘 인계를 요청하십시오</translation>
    </message>
    <message>
        <source>the {room} room's gateway {server} was seen {seconds} s ago; command can be taken after {after} s without it: ask for a handover</source>
        <translation>{room} 상황실 게이트웨이 {server}이(가) {seconds}초 전에 확인되었습니다. {after}초 동안 확인되지 않아야 지휘권을 인수할 수 있습니다: 지휘 인계를 요청하십시오</translation>
    </message>
    <message>
        <source>no gateway of the {room} room has ever been seen, so it cannot be called unreachable: ask for a handover</source>
        <translation>{room} 상황실 게이트웨이가 확인된 적이 없어 연결 불가로 볼 수 없습니다: 지휘 인계를 요청하십시오</translation>
    </message>
    <message>
        <source>a handover answer must accept, decline or withdraw</source>
        <translation>지휘 인계 응답은 수락, 거절, 철회 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>there is no waiting handover {request} (it expired, was answered, or never existed)</source>
        <translation>대기 중인 지휘 인계 {request}이(가) 없습니다 (만료되었거나 이미 응답했거나 없던 요청)</translation>
    </message>
    <message>
        <source>not answered within {minutes} min</source>
        <translation>{minutes}분 안에 응답 없음</translation>
    </message>
    <message>
        <source>{user} offers command of the {from_room} room to the {to_room} room; a supervisor of the {to_room} room must accept within {minutes} min</source>
        <translation>{user}이(가) {from_room} 상황실의 지휘를 {to_room} 상황실에 인계하려 합니다. {to_room} 감독자가 {minutes}분 안에 수락해야 합니다</translation>
    </message>
    <message>
        <source>{user} asks the {from_room} room to hand command to the {to_room} room; a supervisor of the {from_room} room must accept within {minutes} min</source>
        <translation>{user}이(가) {from_room} 상황실에 {to_room} 상황실로의 지휘 인계를 요청합니다. {from_room} 감독자가 {minutes}분 안에 수락해야 합니다</translation>
    </message>
    <message>
        <source>{user} accepted {requester}'s handover: the {to_room} room is in command</source>
        <translation>{user}이(가) {requester}의 지휘 인계를 수락: 이제 {to_room} 상황실이 지휘합니다</translation>
    </message>
    <message>
        <source>{user} declined {requester}'s handover: the {room} room stays in command</source>
        <translation>{user}이(가) {requester}의 지휘 인계를 거절: {room} 상황실이 계속 지휘합니다</translation>
    </message>
    <message>
        <source>{user} withdrew the handover: the {room} room stays in command</source>
        <translation>{user}이(가) 지휘 인계를 철회: {room} 상황실이 계속 지휘합니다</translation>
    </message>
    <message>
        <source>{requester}'s handover expired unanswered: the {room} room stays in command</source>
        <translation>{requester}의 지휘 인계가 응답 없이 만료됨: {room} 상황실이 계속 지휘합니다</translation>
    </message>
    <message>
        <source>{user} took command for the {to_room} room from the {from_room} room</source>
        <translation>{user}이(가) {from_room} 상황실의 지휘권을 {to_room} 상황실로 인수</translation>
    </message>
    <message>
        <source>handover not answered in time</source>
        <translation>시한 안에 지휘 인계 응답 없음</translation>
    </message>
    <message>
        <source>accepted {requester}'s handover: {reason}</source>
        <translation>{requester}의 지휘 인계 수락: {reason}</translation>
    </message>
    <message>
        <source>sent to the live system again by gateway {gateway} (attempt {attempt})</source>
        <translation>게이트웨이 {gateway}이(가) 운영 시스템에 다시 전송함 ({attempt}번째 시도)</translation>
    </message>
    <message>
        <source>delivered by gateway {gateway}, attempt {attempt}</source>
        <translation>게이트웨이 {gateway}이(가) 전달함, {attempt}번째 시도</translation>
    </message>
    <message>
        <source>delivery failed: what it changed is back as before, at revision {revision}</source>
        <translation>전달 실패: 바뀐 제어를 {revision}판에서 이전대로 되돌림</translation>
    </message>
    <message>
        <source>delivery failed: nothing it changed was still in force</source>
        <translation>전달 실패: 바뀐 제어 중 아직 유효한 것이 없음</translation>
    </message>
    <message>
        <source>delivery failed: the live system has not confirmed the controls put back; the next change sends the whole state</source>
        <translation>전달 실패: 되돌린 제어를 운영 시스템이 확인하지 않았습니다. 다음 변경이 전체 상태를 보냅니다</translation>
    </message>
    <message>
        <source>the live system refused it: {reason}</source>
        <translation>운영 시스템이 거부함: {reason}</translation>
    </message>
    <message>
        <source>no answer from the live system within {seconds} s: {reason}</source>
        <translation>{seconds}초 안에 운영 시스템의 응답 없음: {reason}</translation>
    </message>
    <message>
        <source>it cannot be reached</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>no secure connection to it could be made</source>
        <translation>보안 연결을 맺을 수 없음</translation>
    </message>
    <message>
        <source>the connection closed before its answer</source>
        <translation>응답 전에 연결이 끊김</translation>
    </message>
    <message>
        <source>it did not answer an attempt within {seconds} s</source>
        <translation>한 번의 시도에 {seconds}초 안에 응답하지 않음</translation>
    </message>
    <message>
        <source>it answered with HTTP status {status}</source>
        <translation>상태 코드 {status}(으)로 응답함</translation>
    </message>
    <message>
        <source>it answered with HTTP status {status}, in its own words: "{said}"</source>
        <translation>상태 코드 {status}(으)로 응답함, 운영 시스템의 말 그대로: “{said}”</translation>
    </message>
    <message>
        <source>attempt {attempt} was still unanswered</source>
        <translation>{attempt}번째 시도에 아직 응답 없음</translation>
    </message>
    <message>
        <source>attempt {attempt} was still unanswered; the one before: {before}</source>
        <translation>{attempt}번째 시도에 아직 응답 없음. 그 전 시도: {before}</translation>
    </message>
    <message>
        <source>no attempt was answered</source>
        <translation>어느 시도에도 응답 없음</translation>
    </message>
    <message>
        <source>deliver {command} to the live system (command {command_id}, revision {revision})</source>
        <translation>운영 시스템에 전달: {command} (명령 {command_id}, {revision}판)</translation>
    </message>
    <message>
        <source>put back what {command} changed (command {command_id}, revision {revision})</source>
        <translation>되돌림: {command} (명령 {command_id}, {revision}판)</translation>
    </message>
    <message>
        <source>the controls {command} changed are back as before: the live system did not take it</source>
        <translation>{command}(으)로 바뀐 제어를 이전대로 되돌림: 운영 시스템이 받아들이지 않음</translation>
    </message>
    <message>
        <source>alert {alert} was changed through the other gateway meanwhile; look at it again</source>
        <translation>그사이 다른 게이트웨이에서 경보 {alert}이(가) 바뀌었습니다. 다시 확인하십시오</translation>
    </message>
</context>
<context>
    <name>sitroom::console::MainWindow</name>
    <message>
        <source>Waiting room</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Bookings by cohort</source>
        <translation>연령대별 예약</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>경보</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Sitroom</source>
        <translation>Sitroom 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Sitroom</source>
        <translation>Sitroom 정보</translation>
    </message>
    <message>
        <source>Sitroom %1: the situation-room console of the vaccine-reservation system.</source>
        <translation>Sitroom %1: 백신 예약 시스템 상황실 콘솔</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>아직 데이터 없음</translation>
    </message>
    <message>
        <source>Stale: last update %1</source>
        <translation>데이터 지연: 마지막 수신 %1</translation>
    </message>
    <message>
        <source>Live system: %1</source>
        <translation>운영 시스템: %1</translation>
    </message>
    <message>
        <source>Sitroom situation board · %1</source>
        <translation>Sitroom 상황판 · %1</translation>
    </message>
    <message>
        <source>[STALE] </source>
        <translation>[데이터 지연] </translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>경보 (%1)</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>승인 대기</translation>
    </message>
    <message>
        <source>Audit timeline</source>
        <translation>감사 기록</translation>
    </message>
    <message>
        <source>Pending approvals (%1)</source>
        <translation>승인 대기 (%1)</translation>
    </message>
    <message>
        <source>Runbook step for alert %1: %2</source>
        <translation>경보 %1 런북 조치: %2</translation>
    </message>
    <message>
        <source>%1: confirm it in the dialog; the acknowledgement will record it.</source>
        <translation>%1: 확인 창에서 확정하세요. 경보 확인 시 이 조치가 기록됩니다.</translation>
    </message>
    <message>
        <source>[CRITICAL ALERT] </source>
        <translation>[긴급 경보] </translation>
    </message>
    <message>
        <source>Recent &amp;messages…</source>
        <translation>최근 알림(&amp;M)…</translation>
    </message>
    <message>
        <source>Read from: %1</source>
        <translation>데이터 출처: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::console::SignInFlow</name>
    <message>
        <source>The server %1 needs a password for %2.</source>
        <translation>서버 %1에 %2(으)로 로그인하려면 비밀번호가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::models::AlertModel</name>
    <message>
        <source>Severity</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>발생 위치</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>sitroom::models::AuditModel</name>
    <message>
        <source>before: %1</source>
        <translation>변경 전: %1</translation>
    </message>
    <message>
        <source>after: %1</source>
        <translation>변경 후: %1</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>근무지</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>In the live system</source>
        <translation>운영 시스템 반영</translation>
    </message>
    <message>
        <source>%1 on the live system's clock</source>
        <translation>운영 시스템 시각 %1</translation>
    </message>
    <message>
        <source>%1: written before the gateway kept the live system's clock</source>
        <translation>%1: 게이트웨이가 운영 시스템 시각을 기록하기 전의 행 (게이트웨이 시각)</translation>
    </message>
    <message>
        <source>Time (live system, %1)</source>
        <translation>시각 (운영 시스템, %1)</translation>
    </message>
    <message>
        <source>system</source>
        <comment>the gateway as the author of an audit row</comment>
        <translation>시스템</translation>
    </message>
</context>
<context>
    <name>sitroom::models::BriefingSummary</name>
    <message>
        <source>under a minute</source>
        <translation>1분 미만</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>약 %1분</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>·</translation>
    </message>
    <message>
        <source>No booking window is set for this day.</source>
        <translation>오늘 정해진 예약 기간이 없습니다.</translation>
    </message>
    <message>
        <source>Bookings open at %1; %2 bookings are forecast for the window.</source>
        <translation>예약은 %1에 열립니다. 이번 예약 기간의 예상 예약은 %2건입니다.</translation>
    </message>
    <message>
        <source>Bookings opened at %1; this screen has no record from the opening.</source>
        <translation>%1에 예약이 열렸습니다. 이 화면에는 개시 시점부터의 기록이 없습니다.</translation>
    </message>
    <message>
        <source>In the 30 minutes after bookings opened at %1, %2 bookings were made: %3 of the day's forecast (%4).</source>
        <translation>%1 예약 개시 후 30분간 %2건이 예약되어 하루 예상 예약(%4건)의 %3가 몰렸습니다.</translation>
    </message>
    <message>
        <source>In the %2 minutes since bookings opened at %1, %3 bookings were made (%4 expected by now).</source>
        <translation>%1 예약 개시 후 %2분간 %3건이 예약되었습니다(지금까지 예상 %4건).</translation>
    </message>
    <message>
        <source>No verification method has been congested.</source>
        <translation>혼잡했던 인증 수단은 없습니다.</translation>
    </message>
    <message>
        <source>%1 verification has been congested since %2.</source>
        <translation>%1 인증이 %2부터 혼잡합니다.</translation>
    </message>
    <message>
        <source>%1 verification has been congested since %2, and citizens moved to %3.</source>
        <translation>%1 인증이 %2부터 혼잡하여 이용자가 %3 쪽으로 옮겨 갔습니다.</translation>
    </message>
    <message>
        <source>%1 verification was congested from %2 to %3.</source>
        <translation>%1 인증이 %2부터 %3까지 혼잡했습니다.</translation>
    </message>
    <message>
        <source>%1 verification was congested from %2 to %3, and citizens moved to %4.</source>
        <translation>%1 인증이 %2부터 %3까지 혼잡하여 이용자가 %4 쪽으로 옮겨 갔습니다.</translation>
    </message>
    <message>
        <source>At %1 the situation room lowered the admission rate to %2 people a second.</source>
        <translation>%1 상황실이 입장 속도를 초당 %2명으로 낮췄습니다.</translation>
    </message>
    <message>
        <source>At %1 the situation room raised the admission rate to %2 people a second.</source>
        <translation>%1 상황실이 입장 속도를 초당 %2명으로 높였습니다.</translation>
    </message>
    <message>
        <source>After that the admission rate was changed %1 more times.</source>
        <translation>그 뒤로 입장 속도를 %1번 더 바꿨습니다.</translation>
    </message>
    <message>
        <source>At %1, %2 people are waiting to enter; admission is paused.</source>
        <translation>%1 현재 %2명이 입장을 기다리고 있으며, 입장은 일시 중지되어 있습니다.</translation>
    </message>
    <message>
        <source>At %1, %2 people are waiting to enter, for %3.</source>
        <translation>%1 현재 %2명이 입장을 기다리고 있으며, 예상 대기 시간은 %3입니다.</translation>
    </message>
    <message>
        <source>No verification method is congested now.</source>
        <translation>지금 혼잡한 인증 수단은 없습니다.</translation>
    </message>
    <message>
        <source>Congested now: %1.</source>
        <translation>지금 혼잡한 인증 수단: %1.</translation>
    </message>
    <message>
        <source>Suspended by the situation room: %1.</source>
        <translation>상황실이 중단한 인증 수단: %1.</translation>
    </message>
    <message>
        <source>%1 critical alerts stand; the first to look at: %2.</source>
        <translation>긴급 경보 %1건이 진행 중이며, 가장 먼저 볼 경보는 "%2"입니다.</translation>
    </message>
    <message>
        <source>No critical alert stands.</source>
        <translation>진행 중인 긴급 경보는 없습니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::models::CohortModel</name>
    <message>
        <source>Cohort</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>대상자</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Bookings/min</source>
        <translation>분당 예약</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>예약 기간</translation>
    </message>
</context>
<context>
    <name>sitroom::models::PhraseWords</name>
    <message>
        <source>ratio</source>
        <comment>alert unit</comment>
        <translation>비율</translation>
    </message>
    <message>
        <source>people</source>
        <comment>alert unit</comment>
        <translation>명</translation>
    </message>
    <message>
        <source>times</source>
        <comment>alert unit</comment>
        <translation>배</translation>
    </message>
    <message>
        <source>s</source>
        <comment>alert unit</comment>
        <translation>초</translation>
    </message>
    <message>
        <source>nothing</source>
        <comment>audit before/after</comment>
        <translation>없음</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니오</translation>
    </message>
    <message>
        <source>admission rate: %1 a second</source>
        <translation>입장 속도: 초당 %1명</translation>
    </message>
    <message>
        <source>admission paused: %1</source>
        <translation>입장 일시 중지: %1</translation>
    </message>
    <message>
        <source>requests waiting for approval: %1</source>
        <translation>승인 대기 요청: %1건</translation>
    </message>
    <message>
        <source>control revision: %1</source>
        <translation>제어 상태: %1판</translation>
    </message>
    <message>
        <source>alert state: %1</source>
        <translation>경보 상태: %1</translation>
    </message>
    <message>
        <source>severity: %1</source>
        <translation>등급: %1</translation>
    </message>
    <message>
        <source>%1: in use</source>
        <translation>%1: 사용 중</translation>
    </message>
    <message>
        <source>%1: suspended</source>
        <translation>%1: 중단</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>(%1까지)</translation>
    </message>
    <message>
        <source>room in command: %1</source>
        <translation>지휘 상황실: %1</translation>
    </message>
    <message>
        <source>handover waiting: none</source>
        <translation>대기 중인 지휘 인계: 없음</translation>
    </message>
    <message>
        <source>handover waiting: to %1</source>
        <translation>대기 중인 지휘 인계: %1 상황실로</translation>
    </message>
</context>
<context>
    <name>sitroom::models::ProviderModel</name>
    <message>
        <source>Provider</source>
        <translation>인증 수단</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>신호등</translation>
    </message>
    <message>
        <source>p95 latency (ms)</source>
        <translation>p95 응답 시간(ms)</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>성공률</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>초당 요청</translation>
    </message>
    <message>
        <source>Share of traffic</source>
        <translation>요청 비중</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>처리 대기</translation>
    </message>
</context>
<context>
    <name>sitroom::models::SiteNames</name>
    <message>
        <source>Seoul</source>
        <translation>서울</translation>
    </message>
    <message>
        <source>Osong</source>
        <translation>오송</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <source>unknown site</source>
        <translation>알 수 없는 근무지</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AdmissionPanel</name>
    <message>
        <source>■ Admission paused</source>
        <translation>■ 입장 일시 중지됨</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>대기 인원</translation>
    </message>
    <message>
        <source>people waiting</source>
        <translation>대기 인원(명)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>people per second</source>
        <translation>초당 인원(명)</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>유입</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>입장</translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation>입장 제한</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1명</translation>
    </message>
    <message>
        <source>Shown wait: none while paused</source>
        <translation>안내 대기 시간: 일시 중지 중에는 없음</translation>
    </message>
    <message>
        <source>Shown wait: %1</source>
        <translation>안내 대기 시간: %1</translation>
    </message>
    <message>
        <source>Arriving %1 · admitted %2</source>
        <translation>유입 %1 · 입장 %2</translation>
    </message>
    <message>
        <source>Throttle %1</source>
        <translation>입장 제한 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>user, site</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlarmLoadMeter</name>
    <message>
        <source>Calm (target ≤ 2)</source>
        <translation>안정 (목표 2건 이하)</translation>
    </message>
    <message>
        <source>Busy (above target)</source>
        <translation>많음 (목표 초과)</translation>
    </message>
    <message>
        <source>Flood: grouped by source</source>
        <translation>범람: 출처별로 묶음</translation>
    </message>
    <message>
        <source>Alerts started in the last 10 minutes (ISA-18.2 target: about 1–2 per operator; more than 10 is a flood, and the list is summarised by source), the alerts standing now and those nobody has acknowledged. Never calm while a critical alert is unacknowledged.</source>
        <translation>최근 10분간 새로 시작된 경보(ISA-18.2 목표: 운영자 1인당 약 1–2건, 10건을 넘으면 경보 범람으로 보고 목록을 출처별로 묶음), 지금 진행 중인 경보, 아무도 확인하지 않은 경보. 긴급 경보가 미확인으로 남아 있는 동안에는 절대 안정이라고 하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 started / 10 min</source>
        <translation>시작 %1건/10분</translation>
    </message>
    <message>
        <source>%1 standing</source>
        <translation>진행 %1건</translation>
    </message>
    <message>
        <source>%1 unacknowledged (%2 critical)</source>
        <translation>미확인 %1건 (긴급 %2)</translation>
    </message>
    <message>
        <source>%1 unacknowledged</source>
        <translation>미확인 %1건</translation>
    </message>
    <message>
        <source>%1 shelved</source>
        <translation>보류 %1건</translation>
    </message>
    <message>
        <source>Waiting: acknowledge the alerts</source>
        <translation>확인 대기: 경보를 확인하십시오</translation>
    </message>
    <message>
        <source>Many standing (target &lt; 10)</source>
        <translation>진행 경보 많음 (목표 10건 미만)</translation>
    </message>
    <message>
        <source>Critical unacknowledged: acknowledge now</source>
        <translation>긴급 미확인: 즉시 확인</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertAckDialog</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Acknowledge alert</source>
        <translation>경보 확인</translation>
    </message>
    <message>
        <source>What did you see or do? Both rooms read this.</source>
        <translation>무엇을 보았고 무엇을 했습니까? 두 상황실이 모두 읽습니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Runbook step taken:</source>
        <translation>수행한 런북 단계:</translation>
    </message>
    <message>
        <source>Comment (required, recorded in the audit log):</source>
        <translation>의견 (필수, 감사 기록에 남음):</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertDelegate</name>
    <message>
        <source>First out: %1</source>
        <translation>최초 발생: %1</translation>
    </message>
    <message>
        <source>▶ First out: %1</source>
        <translation>▶ 최초 발생: %1</translation>
    </message>
    <message>
        <source>%1 unacknowledged</source>
        <translation>미확인 %1건</translation>
    </message>
    <message>
        <source>All acknowledged</source>
        <translation>모두 확인됨</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 (%2까지)</translation>
    </message>
    <message>
        <source>%1 — alerts: %2</source>
        <translation>%1 — 경보 %2건</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertDesk</name>
    <message>
        <source>That alert is gone: it was cleared meanwhile.</source>
        <translation>그 경보는 그사이 해제되어 목록에 없습니다.</translation>
    </message>
    <message>
        <source>acknowledge “%1”</source>
        <translation>“%1” 확인</translation>
    </message>
    <message>
        <source>shelve “%1” for %2</source>
        <translation>“%1” %2 보류</translation>
    </message>
    <message>
        <source>unshelved by hand from the console</source>
        <translation>콘솔에서 직접 보류 해제</translation>
    </message>
    <message>
        <source>unshelve “%1”</source>
        <translation>“%1” 보류 해제</translation>
    </message>
    <message>
        <source>Sent: %1. Waiting for the answer…</source>
        <translation>보냄: %1. 응답을 기다리는 중…</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>완료: %1.</translation>
    </message>
    <message>
        <source>Refused by the server: %1.</source>
        <translation>서버가 거부함: %1.</translation>
    </message>
    <message>
        <source>Refused by the server: %1. The server says: %2</source>
        <translation>서버가 거부함: %1. 서버 설명: %2</translation>
    </message>
    <message>
        <source>Not valid now: %1.</source>
        <translation>지금은 할 수 없음: %1.</translation>
    </message>
    <message>
        <source>Not valid now: %1. The server says: %2</source>
        <translation>지금은 할 수 없음: %1. 서버 설명: %2</translation>
    </message>
    <message>
        <source>Not done: %1. The server says: %2</source>
        <translation>처리되지 않음: %1. 서버 설명: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>이유 없음</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertShelveDialog</name>
    <message>
        <source>Shelve alert</source>
        <translation>경보 보류</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30분</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2시간</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4시간</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8시간</translation>
    </message>
    <message>
        <source>12 hours</source>
        <translation>12시간</translation>
    </message>
    <message>
        <source>Why hide this alert, and who watches the condition meanwhile?</source>
        <translation>왜 이 경보를 숨기며, 그동안 누가 이 상황을 지켜봅니까?</translation>
    </message>
    <message>
        <source>A shelved alert stays listed as shelved and comes back unacknowledged when the time runs out.</source>
        <translation>보류한 경보는 목록에 '보류'로 남고, 시간이 지나면 미확인 상태로 돌아옵니다.</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>▲ A critical alert: the server may refuse to let an operator shelve it.</source>
        <translation>▲ 긴급 경보입니다. 운영자의 보류는 서버가 거부할 수 있습니다.</translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit log):</source>
        <translation>사유 (필수, 감사 기록에 남음):</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>보류</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertWords</name>
    <message>
        <source>Unacknowledged</source>
        <comment>alert state</comment>
        <translation>미확인</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>alert state</comment>
        <translation>확인</translation>
    </message>
    <message>
        <source>Back to normal, unacknowledged</source>
        <comment>alert state</comment>
        <translation>정상복귀 미확인</translation>
    </message>
    <message>
        <source>Shelved</source>
        <comment>alert state</comment>
        <translation>보류</translation>
    </message>
    <message>
        <source>Cleared</source>
        <comment>alert state</comment>
        <translation>해제</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>alert state</comment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <comment>alert source</comment>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Booking backend</source>
        <comment>alert source</comment>
        <translation>예약 시스템</translation>
    </message>
    <message>
        <source>Bookings</source>
        <comment>alert source</comment>
        <translation>예약</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <comment>alert source</comment>
        <translation>원격 측정</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>격상</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>back to normal</source>
        <translation>정상복귀</translation>
    </message>
    <message>
        <source>active again</source>
        <translation>재발생</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>해제됨</translation>
    </message>
    <message>
        <source>shelved</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>unshelved</source>
        <translation>보류 해제됨</translation>
    </message>
    <message>
        <source>shelf expired</source>
        <translation>보류 만료</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경됨</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertsPanel</name>
    <message>
        <source>No active alerts</source>
        <translation>발생한 경보 없음</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>확인…</translation>
    </message>
    <message>
        <source>Shelve…</source>
        <translation>보류…</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>Group by source</source>
        <translation>출처별로 묶기</translation>
    </message>
    <message>
        <source>◆ Alert flood: more than 10 alerts in 10 minutes. Shown grouped by source, the first-out alert first: start there.</source>
        <translation>◆ 경보 범람: 10분간 경보 10건 초과. 출처별로 묶어 보여 주며, 최초 발생 경보가 맨 위에 있습니다. 거기서 시작하세요.</translation>
    </message>
    <message>
        <source>Raised %1 · changed %2</source>
        <translation>발생 %1 · 변경 %2</translation>
    </message>
    <message>
        <source>Latched at %1; the condition is at %2 now.</source>
        <translation>%1 단계로 유지 중이며, 지금 상태는 %2 단계입니다.</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>확인: %1</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>: “%1”</translation>
    </message>
    <message>
        <source> · step taken: %1</source>
        <translation> · 수행한 단계: %1</translation>
    </message>
    <message>
        <source>Shelved by %1 until %2: “%3”</source>
        <translation>보류: %1, %2까지: “%3”</translation>
    </message>
    <message>
        <source>this layout is read-only; use the desktop layout to act</source>
        <translation>이 배치는 읽기 전용입니다. 조치는 데스크톱 배치에서 하세요</translation>
    </message>
    <message>
        <source>your role may not act (viewer)</source>
        <translation>내 역할(조회자)로는 조치할 수 없습니다</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Sound off (muted)</source>
        <translation>소리 끔 (음소거)</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>소리 켬</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalCountdown</name>
    <message>
        <source>This request is no longer pending: approved, withdrawn or expired.</source>
        <translation>이 요청은 더 이상 대기 중이 아닙니다: 승인, 철회 또는 만료되었습니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalNotifier</name>
    <message>
        <source>[Approvals waiting: %1] </source>
        <comment>window title</comment>
        <translation>[승인 대기 %1건] </translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>승인 요청</translation>
    </message>
    <message>
        <source>Approvals waiting for you: %1 · %2 · %3</source>
        <comment>status bar</comment>
        <translation>승인 대기 %1건: %2 · %3</translation>
    </message>
    <message>
        <source>Approvals: %1</source>
        <comment>status bar, short of room</comment>
        <translation>승인 대기 %1건</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalWords</name>
    <message>
        <source>deadline passed</source>
        <comment>approval countdown</comment>
        <translation>마감 지남</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <comment>approval countdown</comment>
        <translation>%1초 남음</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <comment>approval countdown</comment>
        <translation>%1분 %2초 남음</translation>
    </message>
    <message>
        <source>Deadline %1 · %2</source>
        <comment>approval countdown</comment>
        <translation>마감 %1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>who asks for what</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>The request carries no figures from its time (a gateway older than this console).</source>
        <translation>요청에 요청 시점의 수치가 없습니다 (이 콘솔보다 오래된 게이트웨이).</translation>
    </message>
    <message>
        <source>At the request</source>
        <comment>approval effect column</comment>
        <translation>요청 시점</translation>
    </message>
    <message>
        <source>At the request (%1)</source>
        <comment>approval effect column</comment>
        <translation>요청 시점 (%1)</translation>
    </message>
    <message>
        <source>Now</source>
        <comment>approval effect column</comment>
        <translation>지금</translation>
    </message>
    <message>
        <source>Now (%1)</source>
        <comment>approval effect column</comment>
        <translation>지금 (%1)</translation>
    </message>
    <message>
        <source>Once approved, the requested change applies as requested.</source>
        <translation>승인되면 요청된 변경이 요청대로 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AuditPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>감사 기록 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>%1건을 %2에 내보냈습니다</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>%1에 내보내지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::BackendLoadStrip</name>
    <message>
        <source>Booking backend utilisation</source>
        <translation>예약 시스템 사용률</translation>
    </message>
    <message>
        <source>■ Overloaded</source>
        <comment>backend load</comment>
        <translation>■ 과부하</translation>
    </message>
    <message>
        <source>▲ High</source>
        <comment>backend load</comment>
        <translation>▲ 높음</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>backend load</comment>
        <translation>정상</translation>
    </message>
    <message>
        <source>not live</source>
        <comment>backend load</comment>
        <translation>실시간 아님</translation>
    </message>
    <message>
        <source>Requests %1 · capacity %2 · p95 %3</source>
        <translation>요청 %1 · 용량 %2 · p95 %3</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::BriefingView</name>
    <message>
        <source>bookings per second</source>
        <translation>초당 예약(건)</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>people waiting</source>
        <translation>대기 인원(명)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Situation briefing</source>
        <translation>상황 브리핑</translation>
    </message>
    <message>
        <source>Situation briefing · %1</source>
        <translation>상황 브리핑 · %1</translation>
    </message>
    <message>
        <source>No data from the live system yet.</source>
        <translation>아직 운영 시스템에서 받은 자료가 없습니다.</translation>
    </message>
    <message>
        <source>Verification lights: %1</source>
        <translation>인증 신호등: %1</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>입장 일시 중지</translation>
    </message>
    <message>
        <source>Waiting: %1 people · wait shown %2</source>
        <translation>대기 %1명 · 안내 대기 시간 %2</translation>
    </message>
    <message>
        <source>Bookings: %1</source>
        <translation>예약: %1</translation>
    </message>
    <message>
        <source>Bookings: %1 of %2 forecast for the window</source>
        <translation>예약: %1건 (이번 기간 예상 %2건)</translation>
    </message>
    <message>
        <source>Critical alerts: none standing</source>
        <translation>긴급 경보: 진행 중 없음</translation>
    </message>
    <message>
        <source>Critical alerts: %1 standing (%2 unacknowledged) · %3</source>
        <translation>긴급 경보: 진행 %1건 (미확인 %2건) · %3</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CohortPanel</name>
    <message>
        <source>bookings per minute</source>
        <translation>분당 예약(건)</translation>
    </message>
    <message>
        <source>Expected (40 % in 30 min) ±25 %</source>
        <translation>예상 범위(30분 내 40 %) ±25 %</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Bookings/min</source>
        <translation>분당 예약</translation>
    </message>
    <message>
        <source>No booking window open or coming</source>
        <translation>진행 중이거나 예정된 예약 기간 없음</translation>
    </message>
    <message>
        <source>Booking now: %1, window %2 to %3</source>
        <translation>예약 진행 중: %1, %2 ~ %3</translation>
    </message>
    <message>
        <source>Next: %1, window %2 to %3</source>
        <translation>다음 예약: %1, %2 ~ %3</translation>
    </message>
    <message>
        <source>%1 of %2 booked (%3) · %4 a minute</source>
        <translation>%2명 중 %1명 예약(%3) · 분당 %4건</translation>
    </message>
    <message>
        <source>Opens in %1; forecast %2 bookings, %3 in the first 30 minutes</source>
        <translation>%1 후 시작, 예상 예약 %2건(첫 30분 %3건)</translation>
    </message>
    <message>
        <source>Expected by now %1 (%2 of it booked); heading for about %3 by %4 (forecast %5)</source>
        <translation>현재까지 예상 %1건(달성 %2), %4까지 약 %3건 예상(계획 %5건)</translation>
    </message>
    <message>
        <source>Expected by now %1; no projection while the bookings are not live</source>
        <translation>지금까지 예상 %1; 예약 수가 실시간이 아니어서 전망 없음</translation>
    </message>
    <message>
        <source>Fully booked: – (the window is not open)</source>
        <translation>완료 예상: – (예약 창이 아직 열리지 않음)</translation>
    </message>
    <message>
        <source>Fully booked (at %1 a minute): %2, after the window closes (%3)</source>
        <translation>완료 예상 (분당 %1건 기준): %2, 예약 창 마감(%3) 이후</translation>
    </message>
    <message>
        <source>Fully booked (at %1 a minute): %2</source>
        <translation>완료 예상 (분당 %1건 기준): %2</translation>
    </message>
    <message>
        <source>Fully booked: everyone eligible has booked</source>
        <translation>완료 예상: 대상자 전원 예약 완료</translation>
    </message>
    <message>
        <source>Fully booked: cannot be estimated (%1 to go, too few bookings a minute)</source>
        <translation>완료 예상: 추정 불가 (남은 %1명, 분당 예약이 너무 적음)</translation>
    </message>
    <message>
        <source>Fully booked: – (cannot be estimated without live bookings)</source>
        <translation>완료 예상: – (실시간 예약 수치가 없어 추정 불가)</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandRoomPanel</name>
    <message>
        <source>Accept…</source>
        <comment>a handover</comment>
        <translation>수락…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <comment>a handover</comment>
        <translation>거절…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <comment>a handover</comment>
        <translation>철회…</translation>
    </message>
    <message>
        <source>Take command…</source>
        <translation>지휘권 인수…</translation>
    </message>
    <message>
        <source>Only when the gateway of the room in command has been unreachable for the gateway's set time; the gateway refuses it otherwise. Recorded in the audit as a takeover.</source>
        <translation>지휘 중인 상황실의 게이트웨이가 게이트웨이에 설정된 시간 동안 연결되지 않을 때만 가능합니다. 그렇지 않으면 게이트웨이가 거부합니다. 감사 기록에는 지휘권 인수로 남습니다.</translation>
    </message>
    <message>
        <source>Offer command to %1…</source>
        <translation>%1에 지휘 인계…</translation>
    </message>
    <message>
        <source>Ask for command…</source>
        <translation>지휘 인계 요청…</translation>
    </message>
    <message>
        <source>Handover waiting: %1</source>
        <translation>인계 대기: %1</translation>
    </message>
    <message>
        <source>The gateway cannot reach its shared state store: it refuses every control, from either room, until the store is back.</source>
        <translation>게이트웨이가 공유 상태 저장소에 연결할 수 없어, 저장소가 돌아올 때까지 어느 상황실의 제어든 모두 거부합니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandRoomWords</name>
    <message>
        <source>%1 room</source>
        <comment>a situation room</comment>
        <translation>%1 상황실</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <translation>지휘: %1</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <comment>status bar</comment>
        <translation>지휘: %1</translation>
    </message>
    <message>
        <source>%1 · handover waiting</source>
        <comment>status bar</comment>
        <translation>%1 · 인계 대기</translation>
    </message>
    <message>
        <source>%1 is in command: a supervisor of %2 must approve</source>
        <comment>a control from another room</comment>
        <translation>%1이 지휘 중: %2 감독자의 승인이 필요합니다</translation>
    </message>
    <message>
        <source>Controls from this console wait for approval by %1.</source>
        <translation>이 콘솔의 제어는 %1의 승인을 기다립니다.</translation>
    </message>
    <message>
        <source>This console's room steers: controls take effect as decided here.</source>
        <translation>이 콘솔의 상황실이 지휘 중입니다: 여기서 결정한 제어가 그대로 적용됩니다.</translation>
    </message>
    <message>
        <source>Controls from this console wait for approval by a supervisor of %1.</source>
        <translation>이 콘솔의 제어는 %1 감독자의 승인을 기다립니다.</translation>
    </message>
    <message>
        <source>%1 → %2 · asked by %3</source>
        <translation>%1 → %2 · 요청: %3</translation>
    </message>
    <message>
        <source>A supervisor of %1 accepts or declines.</source>
        <translation>%1 감독자가 수락하거나 거절합니다.</translation>
    </message>
    <message>
        <source>Deadline %1 · %2</source>
        <comment>handover countdown</comment>
        <translation>마감 %1 · %2</translation>
    </message>
    <message>
        <source>waits for a supervisor of %1</source>
        <comment>a control from another room</comment>
        <translation>%1 감독자 승인 대기</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandStageLabel</name>
    <message>
        <source>Last command (%1): %2</source>
        <translation>마지막 명령 (%1): %2</translation>
    </message>
    <message>
        <source> (not connected: the last stage known)</source>
        <translation> (연결 끊김: 마지막으로 알려진 단계)</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ConnectionStatus</name>
    <message>
        <source>viewer</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>운영자</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>감독자</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>로그인 안 됨</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <source>○ Not connected</source>
        <translation>○ 연결 안 됨</translation>
    </message>
    <message>
        <source>RTT –</source>
        <translation>왕복 –</translation>
    </message>
    <message>
        <source>RTT %1 ms</source>
        <translation>왕복 %1ms</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>시뮬레이션</translation>
    </message>
    <message>
        <source>Prometheus %1</source>
        <translation>프로메테우스 %1</translation>
    </message>
    <message>
        <source>Switched to the %1 %2</source>
        <translation>%1로 전환됨 %2</translation>
    </message>
    <message>
        <source>○ Switching gateways…</source>
        <translation>○ 게이트웨이 전환 중…</translation>
    </message>
    <message>
        <source>In use: %1. Gateways, in order of preference: %2.</source>
        <translation>사용 중: %1. 게이트웨이(우선순위 순): %2.</translation>
    </message>
    <message>
        <source>At %1 this console moved from %2 to %3: the gateway it was on failed or could no longer serve well.</source>
        <translation>%1에 이 콘솔은 %2에서 %3(으)로 옮겨 왔습니다. 쓰던 게이트웨이가 멈췄거나 제대로 서비스할 수 없었습니다.</translation>
    </message>
    <message>
        <source>%1 (switched)</source>
        <comment>the gateway in use, just after the console moved to it</comment>
        <translation>%1 (전환됨)</translation>
    </message>
    <message>
        <source>%1 · refusing controls</source>
        <comment>a gateway whose state store is out of reach</comment>
        <translation>%1 · 제어 거부 중</translation>
    </message>
    <message>
        <source>Reads the live system from: %1</source>
        <translation>운영 시스템 데이터 출처: %1</translation>
    </message>
    <message>
        <source>The gateway cannot reach its shared state store: it refuses every command until the store is back (its service level is %1). Telemetry keeps flowing.</source>
        <translation>게이트웨이가 공유 상태 저장소에 연결할 수 없습니다. 저장소가 돌아올 때까지 모든 명령을 거부합니다(서비스 수준 %1). 운영 데이터는 계속 들어옵니다.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <comment>user (this console's site, role)</comment>
        <translation>%1(%2, %3)</translation>
    </message>
    <message>
        <source>● %1</source>
        <comment>the gateway this console is connected to</comment>
        <translation>● %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the link's state · the gateway</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>round-trip time, short of room</comment>
        <translation>%1ms</translation>
    </message>
    <message>
        <source>No data yet</source>
        <comment>status bar</comment>
        <translation>마지막 수신: 아직 데이터 없음</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>마지막 수신: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlConfirmDialog</name>
    <message>
        <source>Act on stale data: I know the picture may be out of date</source>
        <translation>지연된 데이터로 실행: 화면이 최신이 아닐 수 있음을 알고 있습니다</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>현재:</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>변경:</translation>
    </message>
    <message>
        <source>Until enabled again</source>
        <translation>다시 사용할 때까지</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30분</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2시간</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>Expected effect</source>
        <translation>예상 효과</translation>
    </message>
    <message>
        <source>Takes effect at once; no second approval needed.</source>
        <translation>즉시 적용됩니다. 추가 승인이 필요 없습니다.</translation>
    </message>
    <message>
        <source>▲ The data on this console is stale: the figures above may no longer be true. Sending is refused unless you override explicitly; the override is audited.</source>
        <translation>▲ 이 화면의 데이터가 지연되었습니다. 위 수치가 더 이상 사실이 아닐 수 있습니다. 명시적으로 무시하지 않으면 보낼 수 없으며, 무시한 사실은 감사 기록에 남습니다.</translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit log):</source>
        <translation>사유 (필수, 감사 기록에 남음):</translation>
    </message>
    <message>
        <source>Why this change, now?</source>
        <translation>지금 왜 이 변경이 필요합니까?</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>승인 요청</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>▲ Figures this change is decided on are not live (%1): they may no longer be true. Sending is refused unless you override explicitly; the override is audited.</source>
        <translation>▲ 이 변경의 근거가 되는 지표가 실시간이 아닙니다 (%1). 더 이상 사실이 아닐 수 있습니다. 명시적으로 무시하지 않으면 보낼 수 없으며, 무시한 사실은 감사 기록에 남습니다.</translation>
    </message>
    <message>
        <source>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</source>
        <translation>■ 위험 조치: 다른 감독자가 승인해야 적용됩니다. 마감 시각은 서버가 요청을 받을 때 정합니다.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>승인</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlDesk</name>
    <message>
        <source>Change the admission rate</source>
        <translation>입장 속도 변경</translation>
    </message>
    <message>
        <source>admission rate %1</source>
        <translation>입장 속도 %1</translation>
    </message>
    <message>
        <source>Pause admission</source>
        <translation>입장 일시 중지</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>입장 일시 중지됨</translation>
    </message>
    <message>
        <source>Resume admission</source>
        <translation>입장 재개</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 사용</translation>
    </message>
    <message>
        <source>%1 disabled (중단 shown to citizens)</source>
        <translation>%1 사용 중지 (국민에게 '중단' 표시)</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 사용 중</translation>
    </message>
    <message>
        <source>Citizens can choose %1 again; its share ramps back in over a few minutes.</source>
        <translation>국민이 %1을(를) 다시 선택할 수 있으며, 점유율은 몇 분에 걸쳐 서서히 회복됩니다.</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 사용 중지</translation>
    </message>
    <message>
        <source>Approve a hazardous change</source>
        <translation>위험 조치 승인</translation>
    </message>
    <message>
        <source>Sent: %1. Waiting for the answer…</source>
        <translation>전송함: %1. 응답을 기다리는 중…</translation>
    </message>
    <message>
        <source>Controls changed by %1. Now: %2.</source>
        <translation>제어 변경: %1. 현재: %2.</translation>
    </message>
    <message>
        <source>Step not taken: not connected to the live system.</source>
        <translation>단계를 수행하지 않음: 운영 시스템에 연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Step not taken: only a supervisor may disable or enable a provider.</source>
        <translation>단계를 수행하지 않음: 인증 수단 중지·재개는 감독자만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Step not taken: your role may not change admission.</source>
        <translation>단계를 수행하지 않음: 내 역할로는 입장 속도를 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Not approved: the request is no longer pending (approved, withdrawn or expired).</source>
        <translation>승인하지 않음: 요청이 더 이상 대기 중이 아닙니다 (승인, 철회 또는 만료).</translation>
    </message>
    <message>
        <source>Deadline set by the server: %1.</source>
        <translation>서버가 정한 마감: %1.</translation>
    </message>
    <message>
        <source>Offer command to %1</source>
        <translation>%1에 지휘 인계</translation>
    </message>
    <message>
        <source>Ask %1 for command</source>
        <translation>%1에 지휘 인계 요청</translation>
    </message>
    <message>
        <source>%1, once a supervisor of %2 accepts</source>
        <translation>%1 (%2 감독자가 수락하면)</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <translation>지휘: %1</translation>
    </message>
    <message>
        <source>Nothing moves until it is accepted; unanswered, it lapses at the deadline the server sets. Once accepted, %1 steers and the controls of %2 wait for its supervisors' approval.</source>
        <translation>수락될 때까지 아무것도 바뀌지 않으며, 응답이 없으면 서버가 정한 마감에 소멸합니다. 수락되면 %1이 지휘하고, %2의 제어는 그 감독자의 승인을 기다립니다.</translation>
    </message>
    <message>
        <source>■ A supervisor of %1 must accept the handover.</source>
        <translation>■ %1 감독자가 지휘 인계를 수락해야 합니다.</translation>
    </message>
    <message>
        <source>Request handover</source>
        <translation>인계 요청</translation>
    </message>
    <message>
        <source>Not answered: the handover is no longer waiting (answered, withdrawn or expired).</source>
        <translation>응답하지 않음: 지휘 인계가 더 이상 대기 중이 아닙니다 (응답, 철회 또는 만료).</translation>
    </message>
    <message>
        <source>Accept the handover</source>
        <translation>지휘 인계 수락</translation>
    </message>
    <message>
        <source>%1 steers from now on; the controls of %2 wait for its supervisors' approval.</source>
        <translation>이제부터 %1이 지휘하며, %2의 제어는 그 감독자의 승인을 기다립니다.</translation>
    </message>
    <message>
        <source>Accept</source>
        <comment>a handover</comment>
        <translation>수락</translation>
    </message>
    <message>
        <source>Decline the handover</source>
        <translation>지휘 인계 거절</translation>
    </message>
    <message>
        <source>%1 stays in command</source>
        <translation>%1이 계속 지휘</translation>
    </message>
    <message>
        <source>Nothing moves; %1 is told it was declined.</source>
        <translation>아무것도 바뀌지 않으며, %1에게 거절이 알려집니다.</translation>
    </message>
    <message>
        <source>Decline</source>
        <comment>a handover</comment>
        <translation>거절</translation>
    </message>
    <message>
        <source>Withdraw the handover</source>
        <translation>지휘 인계 철회</translation>
    </message>
    <message>
        <source>Nothing moves; the request is taken back.</source>
        <translation>아무것도 바뀌지 않으며, 요청을 거두어들입니다.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <comment>a handover</comment>
        <translation>철회</translation>
    </message>
    <message>
        <source>Take command without a handover</source>
        <translation>인계 없이 지휘권 인수</translation>
    </message>
    <message>
        <source>Only when the gateway of %1 has been unreachable for the gateway's set time: the gateway refuses it otherwise. Recorded in the audit as a takeover.</source>
        <translation>%1 게이트웨이가 게이트웨이에 설정된 시간 동안 연결되지 않을 때만 가능합니다. 그렇지 않으면 게이트웨이가 거부합니다. 감사 기록에는 지휘권 인수로 남습니다.</translation>
    </message>
    <message>
        <source>■ Takes effect at once when the gateway allows it; nobody accepts it.</source>
        <translation>■ 게이트웨이가 허용하면 즉시 적용되며, 수락 절차는 없습니다.</translation>
    </message>
    <message>
        <source>Take command</source>
        <translation>지휘권 인수</translation>
    </message>
    <message>
        <source>Command has moved: %1 is in command now (%2).</source>
        <translation>지휘가 넘어갔습니다: 이제 %1이 지휘합니다 (%2).</translation>
    </message>
    <message>
        <source>Handover waiting for your room: %1.</source>
        <translation>이 상황실의 응답을 기다리는 지휘 인계: %1.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlRouteWords</name>
    <message>
        <source>Send anyway</source>
        <comment>a command the gateway is expected to refuse</comment>
        <translation>그래도 보내기</translation>
    </message>
    <message>
        <source>■ Not connected to a gateway: nothing can be sent now. Send it from here once the console is connected again.</source>
        <translation>■ 게이트웨이에 연결되어 있지 않아 지금은 보낼 수 없습니다. 다시 연결되면 이 창에서 보내십시오.</translation>
    </message>
    <message>
        <source>■ The gateway will refuse this: it cannot reach its shared state store, so it decides no command until the store is back. Nothing will change.</source>
        <translation>■ 게이트웨이가 거부합니다: 공유 상태 저장소에 연결할 수 없어 저장소가 돌아올 때까지 어떤 명령도 결정하지 않습니다. 아무것도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>■ The gateway will refuse this: %1 is in command, and only a supervisor of %2 may approve.</source>
        <translation>■ 게이트웨이가 거부합니다: %1이 지휘 중이며, %2 감독자만 승인할 수 있습니다.</translation>
    </message>
    <message>
        <source>■ %1. It takes effect once approved, by the deadline the server sets when it receives the request.</source>
        <translation>■ %1. 승인되어야 적용되며, 승인 마감은 서버가 요청을 받을 때 정합니다.</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>승인 요청</translation>
    </message>
    <message>
        <source>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</source>
        <translation>■ 위험 조치: 다른 감독자가 승인해야 적용됩니다. 마감 시각은 서버가 요청을 받을 때 정합니다.</translation>
    </message>
    <message>
        <source>Takes effect at once; no second approval needed.</source>
        <translation>즉시 적용됩니다. 추가 승인이 필요 없습니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlWords</name>
    <message>
        <source>nobody yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>알 수 없는 시각</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: “%4”</source>
        <translation>%1 (%2), %3: “%4”</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>입장 일시 중지됨</translation>
    </message>
    <message>
        <source>admission rate %1</source>
        <translation>입장 속도 %1</translation>
    </message>
    <message>
        <source>, disabled: %1</source>
        <translation>, 사용 중지: %1</translation>
    </message>
    <message>
        <source>Admission rate to %1</source>
        <translation>입장 속도를 %1(으)로</translation>
    </message>
    <message>
        <source>Pause admission</source>
        <translation>입장 일시 중지</translation>
    </message>
    <message>
        <source>Resume admission</source>
        <translation>입장 재개</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 사용</translation>
    </message>
    <message>
        <source>Disable %1 for %2</source>
        <translation>%1 %2 동안 사용 중지</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 사용 중지</translation>
    </message>
    <message>
        <source>Approve request %1</source>
        <translation>요청 %1 승인</translation>
    </message>
    <message>
        <source>Control change</source>
        <translation>제어 변경</translation>
    </message>
    <message>
        <source>%1 carries %2 of verification requests now (%3). Citizens who would choose it choose among the other providers, in proportion to their shares:</source>
        <translation>%1은(는) 현재 인증 요청의 %2(%3)를 처리합니다. 이를 선택하던 국민은 다른 인증기관을 현재 점유율에 비례해 선택합니다:</translation>
    </message>
    <message>
        <source>⚠ No other provider is enabled: these citizens cannot verify at all.</source>
        <translation>⚠ 사용 중인 다른 인증기관이 없습니다. 이 국민들은 인증을 전혀 할 수 없습니다.</translation>
    </message>
    <message>
        <source>• %1: share %2 → %3, %4 of %5 capacity (%6)</source>
        <translation>• %1: 점유율 %2 → %3, 처리 용량 %5 중 %4 (%6)</translation>
    </message>
    <message>
        <source> ⚠ above 90 % of capacity</source>
        <translation> ⚠ 처리 용량의 90 % 초과</translation>
    </message>
    <message>
        <source>No one is admitted while paused; citizens are shown no wait.</source>
        <translation>일시 중지 중에는 아무도 입장하지 못하며, 국민에게 대기 시간이 표시되지 않습니다.</translation>
    </message>
    <message>
        <source>Admitting up to %1 against %2 arriving now.</source>
        <translation>현재 유입 %2에 대해 최대 %1 입장.</translation>
    </message>
    <message>
        <source>The queue (%1 people) holds steady.</source>
        <translation>대기열(%1명)은 그대로 유지됩니다.</translation>
    </message>
    <message>
        <source>The queue (%1 people) grows by about %2 people a minute.</source>
        <translation>대기열(%1명)이 분당 약 %2명씩 늘어납니다.</translation>
    </message>
    <message>
        <source>The queue (%1 people) drains by about %2 people a minute.</source>
        <translation>대기열(%1명)이 분당 약 %2명씩 줄어듭니다.</translation>
    </message>
    <message>
        <source>none (paused)</source>
        <translation>없음 (일시 중지)</translation>
    </message>
    <message>
        <source>Shown wait: %1 now, %2 at the new rate.</source>
        <translation>안내 대기 시간: 현재 %1, 새 속도에서 %2.</translation>
    </message>
    <message>
        <source>Applied: %1.</source>
        <translation>적용됨: %1.</translation>
    </message>
    <message>
        <source>Waiting for approval by another supervisor: %1 (request %2).</source>
        <translation>다른 감독자의 승인 대기 중: %1 (요청 %2).</translation>
    </message>
    <message>
        <source>Not applied: the controls changed before yours arrived. Now: %1. Last changed by %2. Look again and decide anew.</source>
        <translation>적용되지 않음: 요청이 도착하기 전에 제어 상태가 바뀌었습니다. 현재: %1. 마지막 변경: %2. 다시 확인하고 새로 결정하십시오.</translation>
    </message>
    <message>
        <source>Refused: %1. %2</source>
        <translation>거부됨: %1. %2</translation>
    </message>
    <message>
        <source>Not valid: %1. %2</source>
        <translation>유효하지 않음: %1. %2</translation>
    </message>
    <message>
        <source>Expired: %1. %2</source>
        <translation>만료됨: %1. %2</translation>
    </message>
    <message>
        <source>No clear answer for: %1. %2</source>
        <translation>명확한 응답 없음: %1. %2</translation>
    </message>
    <message>
        <source>sent</source>
        <comment>command stage</comment>
        <translation>전송됨</translation>
    </message>
    <message>
        <source>checking the effect</source>
        <comment>command stage</comment>
        <translation>적용 확인 중</translation>
    </message>
    <message>
        <source>effect seen (%1 s)</source>
        <comment>command stage</comment>
        <translation>효과 확인 (%1초)</translation>
    </message>
    <message>
        <source>effect not seen</source>
        <comment>command stage</comment>
        <translation>효과 미확인</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <comment>command stage</comment>
        <translation>전달 실패</translation>
    </message>
    <message>
        <source>delivery failed: %1</source>
        <comment>command stage</comment>
        <translation>전달 실패: %1</translation>
    </message>
    <message>
        <source>Not sent: not connected to the server (%1).</source>
        <translation>보내지 못함: 서버에 연결되어 있지 않음 (%1).</translation>
    </message>
    <message>
        <source>Request a handover of command</source>
        <translation>지휘 인계 요청</translation>
    </message>
    <message>
        <source>Accept the handover</source>
        <translation>지휘 인계 수락</translation>
    </message>
    <message>
        <source>Decline the handover</source>
        <translation>지휘 인계 거절</translation>
    </message>
    <message>
        <source>Withdraw the handover</source>
        <translation>지휘 인계 철회</translation>
    </message>
    <message>
        <source>Answer the handover</source>
        <translation>지휘 인계 응답</translation>
    </message>
    <message>
        <source>Take command</source>
        <translation>지휘권 인수</translation>
    </message>
    <message>
        <source>Handover requested: %1 (request %2).</source>
        <translation>지휘 인계 요청됨: %1 (요청 %2).</translation>
    </message>
    <message>
        <source>Waiting: %1. %2 (request %3).</source>
        <translation>대기: %1. %2 (요청 %3).</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CriticalAlarm</name>
    <message>
        <source>Critical alert</source>
        <translation>긴급 경보</translation>
    </message>
    <message>
        <source>Mute the sound of critical alerts and approval requests</source>
        <translation>긴급 경보·승인 요청 소리 끄기</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::DrillBanner</name>
    <message>
        <source>DRILL</source>
        <comment>banner over the whole console during an exercise</comment>
        <translation>훈련 상황</translation>
    </message>
    <message>
        <source>an exercise, not real operations</source>
        <translation>실제 상황이 아닙니다</translation>
    </message>
    <message>
        <source>The live system says this is a drill: its figures and alerts are an exercise's.</source>
        <translation>운영 시스템이 훈련 상황임을 알립니다. 지표와 경보는 모두 훈련의 것입니다.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::FigureDelegate</name>
    <message>
        <source>%1/min</source>
        <translation>분당 %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::LiveClockLabel</name>
    <message>
        <source>Live system %1</source>
        <comment>status bar clock</comment>
        <translation>운영 시스템 %1</translation>
    </message>
    <message>
        <source>The live system's clock, once its data arrives</source>
        <translation>운영 시스템 시각 (데이터 수신 후 표시)</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <comment>simulation speed</comment>
        <translation>최대 속도</translation>
    </message>
    <message>
        <source>(last received)</source>
        <comment>status bar clock while the data is stale</comment>
        <translation>(마지막 수신)</translation>
    </message>
    <message>
        <source>The simulation's clock (every time on this console is on it) and the wall clock, in %1</source>
        <translation>시뮬레이션 시각 (이 콘솔의 모든 시각 기준)과 실제 시각, %1 기준</translation>
    </message>
    <message>
        <source>The live system's clock (every time on this console is on it), in %1</source>
        <translation>운영 시스템 시각 (이 콘솔의 모든 시각 기준), %1 기준</translation>
    </message>
    <message>
        <source>Simulation %1 · Wall clock %2</source>
        <comment>status bar clock</comment>
        <translation>시뮬레이션 시각 %1 · 실제 시각 %2</translation>
    </message>
    <message>
        <source>Live system %1 · Wall clock %2</source>
        <comment>status bar clock, the two clocks differ</comment>
        <translation>운영 시스템 %1 · 실제 시각 %2</translation>
    </message>
    <message>
        <source>The live system's clock (every time on this console is on it) and the wall clock, more than %2 seconds apart, in %1</source>
        <translation>운영 시스템 시각 (이 콘솔의 모든 시각 기준)과 실제 시각, %2초 넘게 차이 남, %1 기준</translation>
    </message>
    <message>
        <source>%1×</source>
        <comment>simulation speed</comment>
        <translation>%1배속</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::PendingApprovalsPanel</name>
    <message>
        <source>No change is waiting for approval.</source>
        <translation>승인을 기다리는 변경이 없습니다.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>요청자</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>승인…</translation>
    </message>
    <message>
        <source>%1, requested by %2</source>
        <translation>%1, 요청: %2</translation>
    </message>
    <message>
        <source>yours: another supervisor approves</source>
        <translation>본인 요청: 다른 감독자가 승인</translation>
    </message>
    <message>
        <source>Deadline (gateway's)</source>
        <translation>마감 (서버 기준)</translation>
    </message>
    <message>
        <source>yours: %1</source>
        <translation>본인 요청: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ProviderBoard</name>
    <message>
        <source>Disable %1…</source>
        <translation>%1 사용 중지…</translation>
    </message>
    <message>
        <source>Enable %1…</source>
        <translation>%1 사용…</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ProviderTile</name>
    <message>
        <source>p95 latency</source>
        <translation>p95 응답</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>성공률</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>비중</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%2째 %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::RotationCalendar</name>
    <message>
        <source>Ends in %1</source>
        <comment>birth-date last digits of a rotation day</comment>
        <translation>끝자리 %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>오늘</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::RunbookPane</name>
    <message>
        <source>Runbook</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>Select an alert to see its runbook.</source>
        <translation>경보를 선택하면 런북이 보입니다.</translation>
    </message>
    <message>
        <source>This alert names no runbook.</source>
        <translation>이 경보에는 런북이 없습니다.</translation>
    </message>
    <message>
        <source>The runbook “%1” is not in this console.</source>
        <translation>런북 “%1”이(가) 이 콘솔에 없습니다.</translation>
    </message>
    <message>
        <source>Runbook: %1</source>
        <translation>런북: %1</translation>
    </message>
    <message>
        <source>it checks a provider, and this alert names none</source>
        <translation>인증 수단을 확인하는 단계인데 이 경보에는 인증 수단이 없습니다</translation>
    </message>
    <message>
        <source>it needs %1, which the live system does not report</source>
        <translation>%1 상태가 필요하지만 운영 시스템이 알려 주지 않습니다</translation>
    </message>
    <message>
        <source>it requires %1 to be congested (red); it is now %2</source>
        <translation>%1 인증이 혼잡(빨강)이어야 하는데 지금은 %2입니다</translation>
    </message>
    <message>
        <source>it requires %1 not to be smooth; it is now %2</source>
        <translation>%1 인증이 원활이 아니어야 하는데 지금은 %2입니다</translation>
    </message>
    <message>
        <source>it requires %1 to be smooth (green); it is now %2</source>
        <translation>%1 인증이 원활이어야 하는데 지금은 %2입니다</translation>
    </message>
    <message>
        <source>it requires %1 to be enabled; it is now disabled</source>
        <translation>%1 인증이 사용 중이어야 하는데 지금은 중지되어 있습니다</translation>
    </message>
    <message>
        <source>it requires %1 to be disabled; it is now enabled</source>
        <translation>%1 인증이 중지되어 있어야 하는데 지금은 사용 중입니다</translation>
    </message>
    <message>
        <source>it requires the waiting room's wait above %1; admission is paused now</source>
        <translation>대기열 예상 대기가 %1을(를) 넘어야 하는데 지금은 입장이 일시 중지되어 있습니다</translation>
    </message>
    <message>
        <source>it requires the waiting room's wait above %1; it is now %2</source>
        <translation>대기열 예상 대기가 %1을(를) 넘어야 하는데 지금은 %2입니다</translation>
    </message>
    <message>
        <source>it requires the booking backend above %1 of capacity; it is now %2</source>
        <translation>예약 시스템 사용률이 %1을(를) 넘어야 하는데 지금은 %2입니다</translation>
    </message>
    <message>
        <source>it requires admission to be running; it is paused now</source>
        <translation>입장이 진행 중이어야 하는데 지금은 일시 중지되어 있습니다</translation>
    </message>
    <message>
        <source>it requires admission to be paused; it is running now</source>
        <translation>입장이 일시 중지되어 있어야 하는데 지금은 진행 중입니다</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>이 단계</translation>
    </message>
    <message>
        <source>This runbook link is not a step the console knows (%1).</source>
        <translation>콘솔이 알지 못하는 런북 링크입니다 (%1).</translation>
    </message>
    <message>
        <source>%1 not taken: %2</source>
        <translation>%1 수행 안 함: %2</translation>
    </message>
    <message>
        <source>this console cannot act</source>
        <translation>이 콘솔에서는 조치할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 not taken: the data is stale, so its condition cannot be checked.</source>
        <translation>%1 수행 안 함: 데이터가 오래되어 조건을 확인할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 not taken: %2.</source>
        <translation>%1 수행 안 함: %2.</translation>
    </message>
    <message>
        <source>Runbook: %1 (for %2, the provider doing worst now)</source>
        <translation>런북: %1 (지금 상태가 가장 나쁜 %2 기준)</translation>
    </message>
    <message>
        <source>disable %1 for %2</source>
        <comment>runbook step</comment>
        <translation>%1 %2 중단</translation>
    </message>
    <message>
        <source>disable %1</source>
        <comment>runbook step</comment>
        <translation>%1 중단</translation>
    </message>
    <message>
        <source>enable %1</source>
        <comment>runbook step</comment>
        <translation>%1 재개</translation>
    </message>
    <message>
        <source>throttle to %1</source>
        <comment>runbook step</comment>
        <translation>입장 속도 %1(으)로</translation>
    </message>
    <message>
        <source>throttle to %1 of the current rate</source>
        <comment>runbook step</comment>
        <translation>입장 속도 현재의 %1(으)로</translation>
    </message>
    <message>
        <source>pause admission</source>
        <comment>runbook step</comment>
        <translation>입장 일시 중지</translation>
    </message>
    <message>
        <source>resume admission</source>
        <comment>runbook step</comment>
        <translation>입장 재개</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::SignInDialog</name>
    <message>
        <source>Sign in to the live system</source>
        <translation>실시간 시스템에 로그인</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Site</source>
        <comment>where this console is</comment>
        <translation>위치</translation>
    </message>
    <message>
        <source>The lock-out is over; you may sign in again.</source>
        <translation>잠금이 풀렸습니다. 다시 로그인할 수 있습니다.</translation>
    </message>
    <message>
        <source>The user name or password was not accepted. Type the password again; it is not retried by itself.</source>
        <translation>사용자 이름 또는 비밀번호가 맞지 않습니다. 비밀번호를 다시 입력하십시오. 저절로 다시 시도하지 않습니다.</translation>
    </message>
    <message>
        <source>Sign in (%1 s)</source>
        <translation>로그인 (%1초)</translation>
    </message>
    <message>
        <source>%1 situation room</source>
        <translation>%1 상황실</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StaleBanner</name>
    <message>
        <source>No data: this console does not connect. %1</source>
        <translation>데이터 없음: 이 콘솔은 연결하지 않습니다. %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StaleFigureWords</name>
    <message>
        <source>Prometheus not answering</source>
        <translation>프로메테우스 응답 없음</translation>
    </message>
    <message>
        <source>query failed</source>
        <translation>조회 실패</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>데이터 없음</translation>
    </message>
    <message>
        <source>scrape target down (up = 0)</source>
        <translation>수집 대상 중단 (up = 0)</translation>
    </message>
    <message>
        <source>reason unknown</source>
        <translation>원인 알 수 없음</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>stale reason, then how many figures</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 figures frozen: %2</source>
        <translation>지표 %1개 멈춤: %2</translation>
    </message>
    <message>
        <source>Frozen: %1</source>
        <translation>멈춤: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, since %1</source>
        <translation>, %1부터</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StatusNotice</name>
    <message>
        <source>Click for the recent messages.</source>
        <translation>클릭하면 최근 알림을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Recent messages</source>
        <translation>최근 알림</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>아직 알림이 없습니다.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a message in the history: when, what</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::SwitchWords</name>
    <message>
        <source>%1 (%2)</source>
        <comment>user (site)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Disabled (by whom not known)</source>
        <translation>중단됨 (누가 했는지 알 수 없음)</translation>
    </message>
    <message>
        <source>Disabled by %1</source>
        <translation>중단: %1</translation>
    </message>
    <message>
        <source>Disabled by %1, approved by %2</source>
        <translation>중단: %1, 승인 %2</translation>
    </message>
    <message>
        <source>Why: “%1”</source>
        <translation>사유: “%1”</translation>
    </message>
    <message>
        <source>Until %1 (%2 left)</source>
        <translation>%1까지 (%2 남음)</translation>
    </message>
    <message>
        <source>Until %1 (due now)</source>
        <translation>%1까지 (곧 다시 켜짐)</translation>
    </message>
    <message>
        <source>Until re-enabled by hand</source>
        <translation>직접 다시 켤 때까지</translation>
    </message>
    <message>
        <source>Ramping back in: %1 · full at %2</source>
        <translation>복귀 중 %1 · %2에 완료</translation>
    </message>
    <message>
        <source>Re-enabled as the timed disable ended</source>
        <translation>시간 지정 중단이 끝나 다시 켜짐</translation>
    </message>
    <message>
        <source>Re-enabled by %1</source>
        <translation>다시 켬: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ThrottleControl</name>
    <message>
        <source>Apply…</source>
        <translation>적용…</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>일시 중지…</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>재개…</translation>
    </message>
    <message>
        <source> /s</source>
        <comment>per second</comment>
        <translation> /초</translation>
    </message>
    <message>
        <source>Admission rate</source>
        <translation>입장 속도</translation>
    </message>
    <message>
        <source>Admission rate:</source>
        <translation>입장 속도:</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>초안 버리기</translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>적용 중: %1</translation>
    </message>
    <message>
        <source>In force: admission paused (rate %1)</source>
        <translation>적용 중: 입장 일시 중지 (속도 %1)</translation>
    </message>
    <message>
        <source>Changed at another console: admission rate now %1 (%2, %3). Your draft %4 is kept; apply it or discard it.</source>
        <translation>다른 콘솔에서 입장 속도가 %1(으)로 바뀌었습니다 (%2, %3). 내 초안 %4은(는) 그대로 두었습니다. 적용하거나 버리십시오.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ThrottlePreview</name>
    <message>
        <source>In 30 min: %1 waiting, shown wait %2</source>
        <translation>30분 후: 대기 %1명, 안내 대기 시간 %2</translation>
    </message>
    <message>
        <source>In 30 min: %1 waiting, no wait can be shown while paused</source>
        <translation>30분 후: 대기 %1명, 입장 중지 중이라 대기 시간 안내 불가</translation>
    </message>
    <message>
        <source>Queue empty in %1</source>
        <translation>%1 후 대기열 비움</translation>
    </message>
    <message>
        <source>Booking backend utilisation: %1 now, at most %2</source>
        <translation>예약 시스템 사용률: 지금 %1, 최대 %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::TimeSeriesChart</name>
    <message>
        <source>Live system's clock (%1)</source>
        <comment>time axis title</comment>
        <translation>운영 시스템 시각 (%1)</translation>
    </message>
    <message>
        <source>Projection</source>
        <comment>a what-if drawn on a chart, not measured data</comment>
        <translation>예측</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::WallAlarm</name>
    <message>
        <source>No critical alert stands</source>
        <translation>진행 중인 긴급 경보 없음</translation>
    </message>
    <message>
        <source>■ Critical alerts standing: %1 (%2 unacknowledged)</source>
        <translation>■ 긴급 경보 진행 %1건 (미확인 %2건)</translation>
    </message>
    <message>
        <source>■ Critical alerts standing: %1</source>
        <translation>■ 긴급 경보 진행 %1건</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::WallBoard</name>
    <message>
        <source>Waiting in the queue</source>
        <translation>대기 인원</translation>
    </message>
    <message>
        <source>Wait shown to citizens</source>
        <translation>안내 대기 시간</translation>
    </message>
    <message>
        <source>Bookings against the forecast</source>
        <translation>예상 대비 예약</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1명</translation>
    </message>
    <message>
        <source>admitted %1</source>
        <translation>입장 %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>admission is paused</source>
        <translation>입장 일시 중지 중</translation>
    </message>
    <message>
        <source>no booking window open or coming</source>
        <translation>열려 있거나 예정된 예약 기간 없음</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>%1 개시</translation>
    </message>
    <message>
        <source>forecast %1, %2 in the first 30 min</source>
        <translation>예상 %1건, 처음 30분에 %2건</translation>
    </message>
    <message>
        <source>expected by now %1</source>
        <translation>지금까지 예상 %1건</translation>
    </message>
    <message>
        <source>expected by now %1 (%2 of that)</source>
        <translation>지금까지 예상 %1건 대비 %2</translation>
    </message>
    <message>
        <source>%1 booked</source>
        <translation>%1건</translation>
    </message>
</context>
</TS>